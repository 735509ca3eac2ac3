// POST /internal/revalidate: work outside a request (the worker, lib/cache/remote.ts) asks this
// web server to expire cache tags. Signed with AUTH_SECRET (lib/cache/signature.ts), recent,
// and naming only our own tags; anything else is refused without saying why. Other methods get
// Next's 405. With REDIS_URL the expiry reaches every server through the shared cache.
import { revalidateTag } from "next/cache";
import { MAX_BODY_BYTES, SIGNATURE_HEADER, verifyRevalidation } from "@/lib/cache/signature";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

const noStore = { "Cache-Control": "private, no-store" };

async function readBody(request: Request): Promise<string | null> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) return null;
  const body = await request.text();
  return Buffer.byteLength(body) > MAX_BODY_BYTES ? null : body;
}

export async function POST(request: Request): Promise<Response> {
  const body = await readBody(request);
  if (body === null) return new Response(null, { status: 413, headers: noStore });
  const verdict = verifyRevalidation(body, request.headers.get(SIGNATURE_HEADER), env().AUTH_SECRET);
  if (!verdict.ok) return new Response(null, { status: verdict.reason === "malformed" ? 400 : 401, headers: noStore });
  // Expired at once (not stale-while-revalidate): the next request reads the database.
  for (const tag of verdict.tags) revalidateTag(tag, { expire: 0 });
  return Response.json({ revalidated: verdict.tags }, { headers: noStore });
}
