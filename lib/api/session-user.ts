// The signed-in user's id for the API routes. Apart from the rest of lib/api because it loads
// Auth.js, which tests cannot import.
import "server-only";
import { auth } from "../auth";

export async function sessionUserId(): Promise<string | null> {
  const session = await auth();
  return session?.user?.id ?? null;
}
