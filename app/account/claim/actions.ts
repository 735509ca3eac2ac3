"use server";
// A signed-in buyer claims an order sent to a misspelled address. The session is checked
// here; the domain function decides, counts wrong answers and gives one answer for them all.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { claimOrder, type ClaimFieldErrors } from "@/lib/organizer-ops/order-claim";
import { wakeOutboxSender } from "@/lib/outbox/in-app";
import { clientAddress } from "@/lib/rate-limit";
import { requireUser } from "../require-user";

export type ClaimFormState = {
  values: { orderNumber: string; amount: string; last4: string };
  fieldErrors: ClaimFieldErrors;
  error?: "no_match" | "locked";
} | null;

export async function claimOrderAction(_previous: ClaimFormState, formData: FormData): Promise<ClaimFormState> {
  const user = await requireUser("/account/claim");
  const text = (name: string) => (typeof formData.get(name) === "string" ? String(formData.get(name)).slice(0, 64) : "");
  const values = { orderNumber: text("orderNumber"), amount: text("amount"), last4: text("last4") };
  const result = await claimOrder({ userId: user.id, form: values, clientAddress: clientAddress(await headers()) });
  if (result.ok) {
    wakeOutboxSender();
    revalidatePath("/account");
    redirect(`/account/claim?claimed=${encodeURIComponent(result.orderNumber)}`);
  }
  if (result.error === "no_such_user") redirect("/login?callbackUrl=/account/claim");
  // The card digits are not sent back: they are typed again.
  const kept = { ...values, last4: "" };
  if (result.error === "invalid_form") return { values: kept, fieldErrors: result.fieldErrors };
  return { values: kept, fieldErrors: {}, error: result.error };
}
