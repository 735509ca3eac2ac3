// Auth.js for the whole app: sign-in by email link or by password, sessions as database rows.
// The one module exporting { handlers, auth, signIn, signOut }.
import { PrismaAdapter } from "@auth/prisma-adapter";
import NextAuth, { CredentialsSignin, type NextAuthConfig, type Session } from "next-auth";
import { cache } from "react";
import { sessionIfCookie } from "../cache/session-cookie";
import { db } from "../db/client";
import { env } from "../env";
import { clientAddress } from "../rate-limit";
import { signInLinkLanguage, withFirstSignInLanguage } from "./account-language";
import { encodeSessionToken, jwtCallback, PASSWORD_PROVIDER_ID, sessionCallback } from "./callbacks";
import { magicLinkProvider } from "./magic-link";
import { checkPasswordSignIn } from "./password-sign-in";
import { authRedirect } from "./redirect";
import { withSessionLimits } from "./session-adapter";
import { SESSION_MAX_AGE_S, SESSION_UPDATE_AGE_S } from "./sessions";

/** signIn("password", …) throws this when too many attempts were made; `error.code` says so. */
export class RateLimitedSignIn extends CredentialsSignin {
  code = "rate_limited";
}

/**
 * The User-Agent of the request signing in, for the account's list of sessions: the route
 * handler's request (emailed links), or in a server action (passwords), where Auth.js passes
 * none, the action's own headers. Read only when a session is created.
 */
function signInUserAgent(request: Request | undefined): () => Promise<string | null> {
  return async () => {
    if (request) return request.headers.get("user-agent");
    try {
      const { headers } = await import("next/headers");
      return (await headers()).get("user-agent");
    } catch {
      return null; // outside a request (a script): no device to name
    }
  };
}

function authConfig(request?: Request): NextAuthConfig {
  const userAgent = signInUserAgent(request);
  return {
    adapter: withSessionLimits(withFirstSignInLanguage(PrismaAdapter(db), signInLinkLanguage(request)), { userAgent }),
    secret: env().AUTH_SECRET,
    trustHost: true,
    // Secure, __Secure- prefixed cookies whenever the site is served over https, whatever
    // protocol the proxy in front reports to us.
    useSecureCookies: env().SITE_URL.startsWith("https://"),
    session: { strategy: "database", maxAge: SESSION_MAX_AGE_S, updateAge: SESSION_UPDATE_AGE_S },
    pages: { signIn: "/login", verifyRequest: "/login/check-email", error: "/login" },
    providers: [
      magicLinkProvider(),
      {
        id: PASSWORD_PROVIDER_ID,
        name: "Password",
        type: "credentials",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials, request) {
          const result = await checkPasswordSignIn({
            email: credentials?.email,
            password: credentials?.password,
            clientAddress: clientAddress(request.headers),
          });
          if (result.ok) return result.user;
          if (result.error === "rate_limited") throw new RateLimitedSignIn();
          return null;
        },
      },
    ],
    callbacks: {
      session: sessionCallback,
      jwt: (params) => jwtCallback(params, { userAgent }),
      redirect: authRedirect,
    },
    jwt: { encode: encodeSessionToken },
  };
}

// The configuration is built per request: reading env() while `next build` imports this module
// would demand production settings (SITE_URL, AUTH_SECRET) at build time.
const authJs = NextAuth((request) => authConfig(request));
export const { handlers, signIn, signOut } = authJs;

/**
 * This request's session, or null. Without a session cookie there is none to find, so Auth.js
 * is not asked (it would build a CSRF token with WebCrypto on every call, a visible share of a
 * public page's CPU). Asked once per request however many components and guards want it (React
 * `cache()` holds within one server render; in a route handler it is a plain call).
 */
export const auth = cache(async (): Promise<Session | null> => {
  const { cookies } = await import("next/headers");
  return sessionIfCookie(cookies, () => authJs.auth());
});
