"use server";
// The button on the page the correction link opens. The link's secret is the authorization:
// it reached only the corrected mailbox, and it is used up before anything moves.
import { redirect } from "next/navigation";
import { orderPath } from "@/lib/orders/order-links";
import { confirmOrderCorrection } from "@/lib/organizer-ops/buyer-correction";
import { wakeOutboxSender } from "@/lib/outbox/in-app";

export async function confirmOrderCorrectionAction(formData: FormData): Promise<void> {
  const token = typeof formData.get("token") === "string" ? String(formData.get("token")) : "";
  const result = await confirmOrderCorrection({ token });
  if (!result.ok) redirect(`/orders/correct?problem=${result.error}`);
  wakeOutboxSender();
  redirect(`${orderPath(result.order)}&moved=1`);
}
