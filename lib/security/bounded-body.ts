// Reads a request body as text, but no more than `limit` bytes: a body sent without a length
// (chunked) is only known to be too large while it arrives, and is then dropped unread.
import { bodyLimitFor } from "./request-guard";

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`request body over ${limit} bytes`);
    this.name = "BodyTooLargeError";
  }
}

export async function readBoundedText(request: Request, limit: number = bodyLimitFor(new URL(request.url).pathname)): Promise<string> {
  const announced = Number(request.headers.get("content-length") ?? "0");
  if (announced > limit) throw new BodyTooLargeError(limit);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > limit) {
      await reader.cancel().catch(() => {});
      throw new BodyTooLargeError(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export function bodyTooLargeResponse(): Response {
  return Response.json({ ok: false, error: "payload_too_large" }, { status: 413, headers: { connection: "close" } });
}
