// POST /login/link: a sign-in link for clients without a browser form (the apps, scripts).
// JSON only: a cross-site HTML form cannot send application/json without a CORS preflight,
// which this route never grants, so other sites cannot make visitors request links.
import { requestSignInLink } from "@/lib/auth/request-link";
import { wakeOutboxSender } from "@/lib/outbox/in-app";
import { clientAddress } from "@/lib/rate-limit";
import { BodyTooLargeError, bodyTooLargeResponse, readBoundedText } from "@/lib/security/bounded-body";

export async function POST(request: Request): Promise<Response> {
  if (!request.headers.get("content-type")?.toLowerCase().startsWith("application/json")) {
    return Response.json({ ok: false, error: "unsupported_media_type" }, { status: 415 });
  }
  let body: unknown;
  try {
    body = JSON.parse(await readBoundedText(request));
  } catch (error) {
    if (error instanceof BodyTooLargeError) return bodyTooLargeResponse();
    return Response.json({ ok: false, error: "invalid_json" }, { status: 400 });
  }
  const { email, callbackPath } = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
  const result = await requestSignInLink({ email, callbackPath, clientAddress: clientAddress(request.headers) });
  if (result.ok) {
    wakeOutboxSender();
    // The same answer whether or not the address has an account.
    return Response.json({ ok: true }, { status: 202 });
  }
  if (result.reason === "rate_limited") {
    const retryAfterS = Math.max(1, Math.ceil(result.retryAfterMs / 1000));
    return Response.json({ ok: false, error: "rate_limited" }, { status: 429, headers: { "Retry-After": String(retryAfterS) } });
  }
  return Response.json({ ok: false, error: "invalid_email" }, { status: 400 });
}
