import { describeOnPostgres, useTestDatabase } from "../helpers/test-db";
useTestDatabase();

import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import { removeAvatar, setAvatar } from "@/lib/profile/avatar";
import { htmlPage, solidJpeg, solidPng } from "../fixtures/images/make-images";

const newUser = () => db.user.create({ data: { email: `avatar-${randomBytes(4).toString("hex")}@example.se`, name: "Ada Ek" } });

describe("setAvatar", () => {
  it("stores the re-encoded picture and points the user at its URL", async () => {
    const user = await newUser();
    const result = await setAvatar({ userId: user.id, bytes: await solidPng() });
    if (!result.ok) throw new Error(result.problem);
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { avatarId: true, image: true } });
    expect(stored).toEqual({ avatarId: result.uploadId, image: `/media/${result.uploadId}` });
    const upload = await db.upload.findUniqueOrThrow({ where: { id: result.uploadId } });
    expect(upload).toMatchObject({ ownerId: user.id, contentType: "image/webp", width: 512, height: 512, byteSize: upload.data.length });
  });

  it("deletes the old picture when it is replaced", async () => {
    const user = await newUser();
    const first = await setAvatar({ userId: user.id, bytes: await solidPng() });
    const second = await setAvatar({ userId: user.id, bytes: await solidJpeg() });
    if (!first.ok || !second.ok) throw new Error("refused");
    expect(second.uploadId).not.toBe(first.uploadId);
    expect(await db.upload.findUnique({ where: { id: first.uploadId } })).toBeNull();
    expect(await db.upload.count({ where: { ownerId: user.id } })).toBe(1);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).avatarId).toBe(second.uploadId);
  });

  it("leaves the account as it was when the file is refused", async () => {
    const user = await newUser();
    const first = await setAvatar({ userId: user.id, bytes: await solidPng() });
    if (!first.ok) throw new Error(first.problem);
    expect(await setAvatar({ userId: user.id, bytes: htmlPage })).toEqual({ ok: false, problem: "unsupported_type" });
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.avatarId).toBe(first.uploadId);
    expect(await db.upload.count({ where: { ownerId: user.id } })).toBe(1);
  });

  it("refuses an account that does not exist without storing anything", async () => {
    const before = await db.upload.count();
    expect(await setAvatar({ userId: "0190b3c2-0000-7000-8000-000000000001", bytes: await solidPng() })).toEqual({
      ok: false,
      problem: "no_such_user",
    });
    expect(await db.upload.count()).toBe(before);
  });
});

describe("removeAvatar", () => {
  it("clears the picture and deletes its upload", async () => {
    const user = await newUser();
    const result = await setAvatar({ userId: user.id, bytes: await solidPng() });
    if (!result.ok) throw new Error(result.problem);
    await removeAvatar({ userId: user.id });
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect([stored.avatarId, stored.image]).toEqual([null, null]);
    expect(await db.upload.findUnique({ where: { id: result.uploadId } })).toBeNull();
  });

  it("does nothing for an account without a picture", async () => {
    const user = await newUser();
    await removeAvatar({ userId: user.id });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).image).toBeNull();
  });
});

describeOnPostgres("setAvatar, two uploads at once (PostgreSQL)", () => {
  it("keeps exactly one picture: the one the account points at", async () => {
    const user = await newUser();
    const results = await Promise.all([
      setAvatar({ userId: user.id, bytes: await solidPng() }),
      setAvatar({ userId: user.id, bytes: await solidJpeg() }),
    ]);
    expect(results.every((result) => result.ok)).toBe(true);
    const uploads = await db.upload.findMany({ where: { ownerId: user.id }, select: { id: true } });
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(uploads.map((upload) => upload.id)).toEqual([stored.avatarId]);
  });
});
