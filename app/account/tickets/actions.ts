"use server";
// "Send my tickets again": who is asking, the form's fields, then the domain function.
import { randomUUID } from "node:crypto";
import { notFound } from "next/navigation";
import { getLocale } from "next-intl/server";
import { isLocale } from "@/lib/i18n/locales";
import { resendOrderTickets, resendTicketsSchema } from "@/lib/tickets/resend-tickets";
import { requireUser } from "../require-user";

export type ResendTicketsState =
  | { ok: true; to: string; nextKey: string }
  | { ok: false; error: "not_paid" | "invalid_form"; nextKey: string }
  | { ok: false; error: "rate_limited"; retryAfterMinutes: number; nextKey: string }
  | null;

export async function resendTicketsAction(_previous: ResendTicketsState, formData: FormData): Promise<ResendTicketsState> {
  // An action is a public endpoint: the session is checked here, not only by the page.
  const user = await requireUser("/account/tickets");
  // Each answer carries a fresh key, so a later deliberate click is a new request.
  const nextKey = randomUUID();
  const parsed = resendTicketsSchema.safeParse({ orderId: formData.get("orderId"), requestKey: formData.get("requestKey") });
  if (!parsed.success) return { ok: false, error: "invalid_form", nextKey };
  const locale = await getLocale();
  const result = await resendOrderTickets({ userId: user.id, ...parsed.data, locale: isLocale(locale) ? locale : "sv" });
  // Someone else's order, or none: the same 404 as the pages give.
  if (!result.ok && result.error === "not_found") notFound();
  return { ...result, nextKey };
}
