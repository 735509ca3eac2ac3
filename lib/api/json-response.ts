// The JSON API's answers. Everything it returns is personal, so nothing may be stored by a
// browser or a proxy.
const PRIVATE_HEADERS = { "Cache-Control": "private, no-store", "Content-Type": "application/json; charset=utf-8" };

export type ApiErrorCode = "unauthorized" | "not_found";

export function apiJson(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...PRIVATE_HEADERS, ...headers } });
}

/** 401 for no credentials and for bad ones alike, so the answer tells nothing about a token. */
export function unauthorized(): Response {
  return apiJson({ error: { code: "unauthorized", message: "Sign in or send a valid personal access token." } }, 401, {
    "WWW-Authenticate": 'Bearer realm="biljett"',
  });
}

/** Someone else's ticket and no ticket at all look exactly the same. */
export function notFound(): Response {
  return apiJson({ error: { code: "not_found", message: "No such ticket." } }, 404);
}
