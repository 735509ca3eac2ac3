"use server";
// Leaving a waiting list from the email's link: only a POST (the page's button) removes anyone,
// so a mail scanner that follows the link changes nothing. The link's signed key is the proof.
import { z } from "zod";
import { publicAction } from "@/lib/actions";
import { form } from "@/lib/forms";
import { redirectLocalized } from "@/lib/i18n/server";
import { leaveWaitingList } from "@/lib/waiting-list/join";

export const leaveWaitingListAction = publicAction({
  form: true,
  schema: z.object({ entry: form.text(100), key: form.text(100) }),
  run: async ({ entry, key }) => {
    await leaveWaitingList(entry, key);
    // Back to the same page, which now says the address has left (or that the link is wrong).
    return redirectLocalized(`/waiting-list/leave?${new URLSearchParams({ entry, key })}`);
  },
});
