// Auth.js for the whole app: sign-in by email link or by password, sessions as database rows.
// The one module exporting { handlers, auth, signIn, signOut }.
import { PrismaAdapter } from "@auth/prisma-adapter";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import { db } from "../db/client";
import { env } from "../env";
import { clientAddress } from "../rate-limit";
import { encodeSessionToken, jwtCallback, PASSWORD_PROVIDER_ID, sessionCallback } from "./callbacks";
import { magicLinkProvider } from "./magic-link";
import { checkPasswordSignIn } from "./password-sign-in";
import { authRedirect } from "./redirect";
import { SESSION_MAX_AGE_S, SESSION_UPDATE_AGE_S } from "./sessions";

/** signIn("password", …) throws this when too many attempts were made; `error.code` says so. */
export class RateLimitedSignIn extends CredentialsSignin {
  code = "rate_limited";
}

function authConfig(): NextAuthConfig {
  return {
    adapter: PrismaAdapter(db),
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
      jwt: jwtCallback,
      redirect: authRedirect,
    },
    jwt: { encode: encodeSessionToken },
  };
}

// The configuration is built per request: reading env() while `next build` imports this module
// would demand production settings (SITE_URL, AUTH_SECRET) at build time.
export const { handlers, auth, signIn, signOut } = NextAuth(() => authConfig());
