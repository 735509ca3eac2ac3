import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { RedirectPaymentNote, TestCardsNote } from "@/components/checkout/payment-note";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { formatDateTime } from "@/lib/i18n/format";
import { quantityField } from "@/lib/orders/checkout-schema";
import { getCheckoutEventBySlug } from "@/lib/orders/queries";
import { paymentProvider } from "@/lib/payments";
import { TEST_CARDS } from "@/lib/payments/test-provider";
import { redirectLocalized } from "@/lib/i18n/server";
import { ordersOfThisBrowser } from "@/lib/orders/buyer-browser";
import { orderPath } from "@/lib/orders/order-links";
import {
  OFFER_ENTRY_FIELD,
  OFFER_KEY_FIELD,
  offerForCheckout,
  offerTicketTypes,
  orderOfUsedOffer,
} from "@/lib/waiting-list/checkout-offer";
import { CheckoutForm } from "../checkout-form";
import { initialPriceTexts } from "../price-texts";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

function one(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("WaitingList");
  return { title: t("offerTitle"), robots: { index: false } };
}

/**
 * Where a waiting-list offer's link goes: the checkout of the tickets held for its entry, and
 * only them. The link's entry and signed key travel with the form; the checkout checks them again.
 */
export default async function OfferCheckoutPage({ params, searchParams }: Props) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const fields = { [OFFER_ENTRY_FIELD]: one(query.entry), [OFFER_KEY_FIELD]: one(query.key) };
  const [offer, event] = await Promise.all([offerForCheckout(fields), getCheckoutEventBySlug(slug)]);
  if (!event) notFound();
  const [t, tc, locale] = await Promise.all([getTranslations("WaitingList"), getTranslations("Checkout"), getLocale()]);

  if (!offer || offer.eventSlug !== event.slug) {
    // Just bought here: the checkout's answer re-renders this page (it set the buying browser's
    // cookie), and the buyer goes on to the order.
    const bought = await orderOfUsedOffer(fields);
    if (bought && (await ordersOfThisBrowser()).has(bought.id)) await redirectLocalized(orderPath(bought));
    return (
      <div className="mx-auto flex max-w-2xl flex-col gap-6 px-4 py-6 sm:px-6 sm:py-10">
        <PageHeader back={{ href: `/events/${event.slug}`, label: tc("backToEvent") }} heading={t("offerGoneHeading")} />
        <Card className="p-4 sm:p-6">
          <p className="text-zinc-700">{t("offerGoneBody")}</p>
        </Card>
      </div>
    );
  }

  const provider = paymentProvider();
  const types = offerTicketTypes(event.ticketTypes, offer);
  const initialQuantities = { [offer.ticketTypeId]: offer.quantity };
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6 px-4 py-6 sm:px-6 sm:py-10">
      <PageHeader back={{ href: `/events/${event.slug}`, label: tc("backToEvent") }} heading={t("offerHeading")} />
      <Card as="section" aria-labelledby="offer-event-title" className="flex flex-col gap-1 p-4 sm:p-6">
        <h2 id="offer-event-title" className="text-xl font-bold text-zinc-950">
          {event.title}
        </h2>
        <p className="text-zinc-700">
          {t("offerIntro", {
            quantity: offer.quantity,
            name: offer.ticketTypeName,
            time: formatDateTime(offer.offerExpiresAt, locale, { dateStyle: "medium", timeStyle: "short" }, event.timeZone),
          })}
        </p>
      </Card>
      <CheckoutForm
        eventSlug={event.slug}
        organizerName={event.organizerName}
        ticketTypes={types.map((type) => ({
          id: type.id,
          field: quantityField(type.id),
          name: type.name,
          description: type.description,
          priceMinor: type.priceMinor,
          currency: type.currency,
          maxQuantity: type.maxQuantity,
        }))}
        initialQuantities={initialQuantities}
        priceTexts={initialPriceTexts(types, initialQuantities, locale)}
        idempotencyKey={randomUUID()}
        paymentFlow={provider.flow}
        paymentNote={provider.flow === "card-form" ? <TestCardsNote cards={TEST_CARDS} /> : <RedirectPaymentNote />}
        hiddenFields={fields}
      />
    </div>
  );
}
