// The signed-in user of an account page or action, or a redirect to the sign-in page that
// comes back here afterwards. Every page and action under /account calls it itself.
import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { sessionTokenFromCookies } from "@/lib/accounts/change-password";
import { auth } from "@/lib/auth";
import type { SessionUser } from "@/lib/auth/callbacks";
import { env } from "@/lib/env";

/** `returnPath` is one of our own constant paths, so it goes into the URL as it is. */
export async function requireUser(returnPath: string): Promise<SessionUser> {
  const session = await auth();
  const user = session?.user as Partial<SessionUser> | undefined;
  if (!user?.id) redirect(`/login?callbackUrl=${returnPath}`);
  return { id: user.id, name: user.name ?? null, email: user.email ?? "", image: user.image ?? null };
}

/** This browser's session token, for changes that sign out every session but this one. */
export async function currentSessionToken(): Promise<string | null> {
  return sessionTokenFromCookies(await cookies(), env().SITE_URL);
}
