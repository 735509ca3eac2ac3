"use server";
// "Sign out everywhere else": every other session of the account ends at once.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { signOutOtherSessions } from "@/lib/auth/session-list";
import { currentSessionToken, requireUser } from "../require-user";

export async function signOutOtherSessionsAction(): Promise<void> {
  const user = await requireUser("/account/sessions");
  const count = await signOutOtherSessions({ userId: user.id, currentSessionToken: await currentSessionToken() });
  revalidatePath("/account/sessions");
  redirect(count > 0 ? "/account/sessions?notice=signed-out" : "/account/sessions");
}
