"use server";
// "Wrong address? Correct it" on the confirmation page. Whoever posts this must hold the
// buying browser's signed cookie for the order; the link then goes to the corrected address.
import { headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { isLocale } from "@/lib/i18n/locales";
import { ordersOfThisBrowser } from "@/lib/orders/buyer-browser";
import { requestOrderCorrection, type CorrectionFieldErrors } from "@/lib/organizer-ops/buyer-correction";
import { wakeOutboxSender } from "@/lib/outbox/in-app";
import { clientAddress } from "@/lib/rate-limit";

export type BuyerCorrectionState =
  | { ok: true; sentTo: string }
  | { ok: false; email: string; fieldErrors: CorrectionFieldErrors; error?: "closed" | "rate_limited" }
  | null;

export async function requestOrderCorrectionAction(_previous: BuyerCorrectionState, formData: FormData): Promise<BuyerCorrectionState> {
  const orderId = typeof formData.get("orderId") === "string" ? String(formData.get("orderId")) : "";
  const email = typeof formData.get("email") === "string" ? String(formData.get("email")).slice(0, 320) : "";
  const locale = await getLocale();
  const result = await requestOrderCorrection({
    orderId,
    browserOrders: await ordersOfThisBrowser(),
    email,
    locale: isLocale(locale) ? locale : "sv",
    clientAddress: clientAddress(await headers()),
  });
  if (result.ok) {
    wakeOutboxSender();
    return { ok: true, sentTo: result.toEmail };
  }
  if (result.error === "invalid_form") return { ok: false, email, fieldErrors: result.fieldErrors };
  return { ok: false, email, fieldErrors: {}, error: result.error };
}
