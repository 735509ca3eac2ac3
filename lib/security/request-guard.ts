// What every request must pass before the app sees it, decided from its method, path and
// headers alone: a write from another site is refused (403), and a body announced larger than
// its route accepts is refused (413) before a byte of it is read. proxy.ts applies it; the
// routes that read bodies also stop reading at the same limits (lib/security/bounded-body.ts),
// for bodies sent without a length. And the headers every answer carries.

import { parseLocalePath } from "../i18n/paths";

/**
 * Largest body a server action accepts, and so how much of a body Next copies for proxy.ts
 * (next.config.ts uses it for both serverActions.bodySizeLimit and proxyClientMaxBodySize).
 * The largest form is the profile picture: 5 MB (lib/uploads/image-rules.ts) plus the form's
 * other fields and multipart framing, so a picture a little over 5 MB still reaches the
 * action and gets the message next to its field. Next copies a body twice up to this size
 * before proxy.ts can refuse it, so it is kept as small as that form allows.
 */
export const SERVER_ACTION_BODY_LIMIT = 6 * 1024 * 1024;

/** The page whose form uploads a profile picture: a body too large for it is a picture too large. */
export const PICTURE_FORM_PATH = "/account/profile";

/** Routes that take smaller bodies than a server action. */
export const ROUTE_BODY_LIMITS: ReadonlyArray<{ matches: (pathname: string) => boolean; limit: number }> = [
  { matches: (pathname) => pathname === "/login/link", limit: 16 * 1024 },
  { matches: (pathname) => pathname === "/api/payments/stripe/webhook", limit: 256 * 1024 },
  { matches: (pathname) => pathname.startsWith("/api/v1/"), limit: 64 * 1024 },
];

/** Writes that come from a server, not a browser: they carry no Origin and need none. */
const SERVER_TO_SERVER = new Set(["/api/payments/stripe/webhook"]);

/** The body limit of a path, in either language ("/en/login/link" is "/login/link"). */
export function bodyLimitFor(pathname: string): number {
  return limitForPath(parseLocalePath(pathname).path);
}

/** The body limit of a path without its language. */
function limitForPath(path: string): number {
  return ROUTE_BODY_LIMITS.find((route) => route.matches(path))?.limit ?? SERVER_ACTION_BODY_LIMIT;
}

export type GuardRefusal =
  | { status: 403; reason: "cross_site" }
  /** `picture`: the profile picture's form, whose refusal says so (the file is what was too large). */
  | { status: 413; reason: "too_large"; limit: number; picture: boolean };

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function guardRequest({
  method,
  pathname,
  headers,
  siteOrigin,
}: {
  method: string;
  pathname: string;
  headers: Headers;
  siteOrigin: string;
}): GuardRefusal | null {
  const path = parseLocalePath(pathname).path;
  const limit = limitForPath(path);
  const length = headers.get("content-length");
  if (length !== null && (!/^\d+$/.test(length.trim()) || Number(length) > limit)) {
    return { status: 413, reason: "too_large", limit, picture: path === PICTURE_FORM_PATH };
  }
  if (SAFE_METHODS.has(method.toUpperCase())) return null;
  // A browser names the page a write comes from; a write from another site (or from an
  // opaque origin, "null") is refused here instead of as a 500 deep inside Next.
  const origin = headers.get("origin");
  if (origin !== null && origin !== siteOrigin && !SERVER_TO_SERVER.has(pathname)) return { status: 403, reason: "cross_site" };
  return null;
}

/** Where the buyer pays on Stripe's own page: the checkout form may lead there. */
const PAYMENT_PAGE_ORIGINS = ["https://checkout.stripe.com"];

/**
 * The Content-Security-Policy of every page. Scripts allow 'unsafe-inline' because Next.js
 * writes its page data as inline scripts; a per-request nonce would make every page dynamic
 * and uncacheable, which the public pages must not be (README, Security).
 */
export function contentSecurityPolicy(): string {
  return [
    "default-src 'self'",
    "script-src 'self' 'unsafe-inline'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "media-src 'self' blob:",
    "worker-src 'self'",
    "manifest-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
    `form-action 'self' ${PAYMENT_PAGE_ORIGINS.join(" ")}`,
  ].join("; ");
}

/** Headers set on every answer at run time: SITE_URL, which decides HSTS, is not known at build. */
export function securityHeaders(siteUrl: string): Record<string, string> {
  const headers: Record<string, string> = { "Content-Security-Policy": contentSecurityPolicy() };
  if (siteUrl.startsWith("https://")) headers["Strict-Transport-Security"] = "max-age=63072000; includeSubDomains";
  return headers;
}
