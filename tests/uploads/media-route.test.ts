import { useTestDatabase } from "../helpers/test-db";
useTestDatabase();

import { randomBytes } from "node:crypto";
import sharp from "sharp";
import { GET } from "@/app/media/[id]/route";
import { db } from "@/lib/db/client";
import { setAvatar } from "@/lib/profile/avatar";
import { solidPng } from "../fixtures/images/make-images";

const get = (id: string) => GET(new Request(`http://localhost/media/${id}`), { params: Promise.resolve({ id }) });

describe("GET /media/[id]", () => {
  it("serves a stored picture with its fixed type, nosniff, inline, and cached no longer than a removal may wait", async () => {
    const user = await db.user.create({ data: { email: `media-${randomBytes(4).toString("hex")}@example.se` } });
    const result = await setAvatar({ userId: user.id, bytes: await solidPng() });
    if (!result.ok) throw new Error(result.problem);

    const response = await get(result.uploadId);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/webp");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-disposition")).toBe("inline");
    expect(response.headers.get("cache-control")).toBe("public, max-age=86400, s-maxage=3600");
    const body = Buffer.from(await response.arrayBuffer());
    expect((await sharp(body).metadata()).format).toBe("webp");
    const stored = await db.upload.findUniqueOrThrow({ where: { id: result.uploadId } });
    expect(body.equals(Buffer.from(stored.data))).toBe(true);
  });

  it("answers 404 for an unknown id and for a malformed one", async () => {
    for (const id of ["0190b3c2-0000-7000-8000-000000000000", "not-a-uuid", "../../etc/passwd", "1' OR '1'='1"]) {
      const response = await get(id);
      expect(response.status).toBe(404);
      expect(await response.text()).toBe("");
    }
  });
});
