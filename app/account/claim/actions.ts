"use server";
// A signed-in buyer claims an order sent to a misspelled address. The session is checked
// here; the domain function counts the tries and compares the answer in constant time.
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { claimOrder, type ClaimFieldErrors } from "@/lib/organizer-ops/order-claim";
import { wakeOutboxSender } from "@/lib/outbox/in-app";
import { requireUser } from "../require-user";

export type ClaimFormState = {
  values: { orderNumber: string; method: string; secret: string };
  fieldErrors: ClaimFieldErrors;
  error?: "no_match" | "locked" | "already_yours" | "not_paid" | "in_use";
} | null;

export async function claimOrderAction(_previous: ClaimFormState, formData: FormData): Promise<ClaimFormState> {
  const user = await requireUser("/account/claim");
  const text = (name: string) => (typeof formData.get(name) === "string" ? String(formData.get(name)).slice(0, 64) : "");
  const values = { orderNumber: text("orderNumber"), method: text("method"), secret: text("secret") };
  const result = await claimOrder({ userId: user.id, form: values });
  if (result.ok) {
    wakeOutboxSender();
    revalidatePath("/account");
    redirect(`/account/claim?claimed=${encodeURIComponent(result.orderNumber)}`);
  }
  if (result.error === "no_such_user") redirect("/login?callbackUrl=/account/claim");
  // The secret is not sent back: a wrong one is typed again.
  const kept = { ...values, secret: "" };
  if (result.error === "invalid_form") return { values: kept, fieldErrors: result.fieldErrors };
  return { values: kept, fieldErrors: {}, error: result.error };
}
