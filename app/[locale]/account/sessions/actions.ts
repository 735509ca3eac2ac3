"use server";
// "Sign out everywhere else": every other session of the account ends at once.
import { revalidatePath } from "next/cache";
import { redirectLocalized } from "@/lib/i18n/server";
import { z } from "zod";
import { userAction } from "@/lib/actions";
import { signOutOtherSessions } from "@/lib/auth/session-list";
import { currentSessionToken } from "@/lib/guards";

export const signOutOtherSessionsAction = userAction({
  form: true,
  returnPath: "/account/sessions",
  schema: z.object({}),
  run: async (_input, { user }) => {
    const count = await signOutOtherSessions({ userId: user.id, currentSessionToken: await currentSessionToken() });
    revalidatePath("/account/sessions");
    return redirectLocalized(count > 0 ? "/account/sessions?notice=signed-out" : "/account/sessions");
  },
});
