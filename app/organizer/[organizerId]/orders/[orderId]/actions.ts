"use server";
// Corrects the buyer's email of one order. Only OWNER and ADMIN; the domain function checks
// the membership and that the order belongs to this organizer again.
import { notFound, redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { requireOrganizerMember } from "@/lib/organizers/access";
import { correctOrderEmail, type CorrectionFieldErrors } from "@/lib/organizer-ops/order-correction";
import { wakeOutboxSender } from "@/lib/outbox/in-app";

export type CorrectionFormState = {
  values: { email: string; confirmation: string };
  fieldErrors: CorrectionFieldErrors;
  error?: "same_email" | "not_paid";
} | null;

export async function correctOrderEmailAction(
  organizerId: string,
  orderId: string,
  _previous: CorrectionFormState,
  formData: FormData,
): Promise<CorrectionFormState> {
  const path = `/organizer/${organizerId}/orders/${orderId}`;
  const { user } = await requireOrganizerMember(organizerId, { returnPath: path, permission: "correctOrders" });
  const text = (name: string) => (typeof formData.get(name) === "string" ? String(formData.get(name)).slice(0, 320) : "");
  const values = { email: text("email"), confirmation: text("confirmation") };
  const result = await correctOrderEmail({ userId: user.id, organizerId, orderId, ...values });
  if (!result.ok) {
    if (result.error === "not_found") notFound();
    if (result.error === "invalid_form") return { values, fieldErrors: result.fieldErrors };
    return { values, fieldErrors: {}, error: result.error };
  }
  wakeOutboxSender();
  revalidatePath(path);
  redirect(`${path}?corrected=${result.changeId}`);
}
