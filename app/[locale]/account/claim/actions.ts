"use server";
// A signed-in buyer claims an order sent to a misspelled address. The domain function decides,
// counts wrong answers and gives one answer for them all.
import { headers } from "next/headers";
import { redirectLocalized } from "@/lib/i18n/server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { userAction, type ActionResult, type SharedRefusal } from "@/lib/actions";
import { form } from "@/lib/forms";
import { claimOrder, type ClaimFieldErrors } from "@/lib/organizers/corrections/order-claim";
import { clientAddress } from "@/lib/rate-limit";

type ClaimValues = { orderNumber: string; amount: string; last4: string };
export type ClaimFormState = ActionResult<
  object,
  "invalid_form" | "no_match" | "locked",
  { fieldErrors: ClaimFieldErrors; values: ClaimValues }
>;

const claimSchema = z.object({ orderNumber: form.text(64), amount: form.text(64), last4: form.text(64) });

export const claimOrderAction = userAction({
  returnPath: "/account/claim",
  schema: claimSchema,
  run: async (values, { user, emailQueued }): Promise<ClaimFormState | SharedRefusal> => {
    const result = await claimOrder({ userId: user.id, form: values, clientAddress: clientAddress(await headers()) });
    if (result.ok) {
      emailQueued();
      revalidatePath("/account");
      return redirectLocalized(`/account/claim?claimed=${encodeURIComponent(result.orderNumber)}`);
    }
    if (result.error === "no_such_user") return result;
    // The card digits are not sent back: they are typed again.
    const kept = { ...values, last4: "" };
    return { ok: false, error: result.error, fieldErrors: result.error === "invalid_form" ? result.fieldErrors : {}, values: kept };
  },
});
