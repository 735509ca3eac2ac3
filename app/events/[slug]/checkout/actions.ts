"use server";
// The checkout form's server action. Anyone may buy tickets, so there is no one to check:
// every input is checked by the form schema and again by placeOrder.
import { refresh } from "next/cache";
import { headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { rememberOrderInThisBrowser } from "@/lib/orders/buyer-browser";
import { wakeOutboxSender } from "@/lib/outbox/in-app";
import { clientAddress } from "@/lib/rate-limit";
import { checkoutFormAction, type CheckoutFormState } from "./checkout-form-action";

// Refusals after which the page's quantities are out of date.
const STOCK_CHANGED = new Set(["sold_out", "not_on_sale", "too_many", "event_unavailable"]);

export async function placeOrderAction(_previous: CheckoutFormState, formData: FormData): Promise<CheckoutFormState> {
  const state = await checkoutFormAction(formData, {
    locale: await getLocale(),
    clientAddress: clientAddress(await headers()),
    // This browser may correct a misspelled address for a day without the organizer.
    afterOrderPlaced: async (order) => {
      await rememberOrderInThisBrowser(order.id);
      wakeOutboxSender();
    },
  });
  if (state?.error && STOCK_CHANGED.has(state.error.code)) refresh();
  return state;
}
