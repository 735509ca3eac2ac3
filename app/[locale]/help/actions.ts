"use server";
// "Skicka mina biljetter" on the help page and the sign-in page: the same answer for every
// address, known or not; only a malformed address (at its field) or the limit differ.
import { headers } from "next/headers";
import { z } from "zod";
import { publicAction, type ActionResult } from "@/lib/actions";
import type { EmailProblem } from "@/lib/accounts/email-address";
import { form } from "@/lib/forms";
import { clientAddress } from "@/lib/rate-limit";
import { sendMyTickets } from "@/lib/tickets/send-my-tickets";

export type SendMyTicketsFormState = ActionResult<
  { email: string },
  "invalid_email" | "rate_limited",
  { fieldErrors: { email?: EmailProblem }; email: string }
>;

export const sendMyTicketsAction = publicAction({
  schema: z.object({ email: form.text(1_000) }),
  run: async (fields, { emailQueued }): Promise<SendMyTicketsFormState> => {
    const email = fields.email.trim();
    const result = await sendMyTickets({ email, clientAddress: clientAddress(await headers()) });
    if (!result.ok) {
      if (result.reason === "invalid_email") return { ok: false, error: result.reason, fieldErrors: { email: result.problem }, email };
      return { ok: false, error: result.reason, fieldErrors: {}, email };
    }
    // Also when nothing was queued: waking the sender costs little and looks the same.
    emailQueued();
    return { ok: true, email };
  },
});
