import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { RedirectPaymentNote, TestCardsNote } from "@/components/checkout/payment-note";
import { Card } from "@/components/ui/card";
import { formatEventDateRange } from "@/lib/i18n/format";
import { quantityField } from "@/lib/orders/checkout-schema";
import { getCheckoutEventBySlug } from "@/lib/orders/queries";
import { paymentProvider } from "@/lib/payments";
import { TEST_CARDS } from "@/lib/payments/test-provider";
import { CheckoutForm } from "./checkout-form";
import { initialPriceTexts } from "./price-texts";
import { PageHeader } from "@/components/ui/page-header";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const t = await getTranslations("Checkout");
  const event = await getCheckoutEventBySlug(slug);
  return { title: event ? t("title", { event: event.title }) : t("titleFallback"), robots: { index: false } };
}

export default async function CheckoutPage({ params, searchParams }: Props) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const event = await getCheckoutEventBySlug(slug);
  if (!event) notFound();
  const [t, locale] = await Promise.all([getTranslations("Checkout"), getLocale()]);
  const provider = paymentProvider();

  // The event page links here with q_<ticketTypeId>=<n>; anything out of bounds is clamped.
  const initialQuantities = Object.fromEntries(
    event.ticketTypes.map((type) => {
      const raw = query[quantityField(type.id)];
      const wanted = Number(Array.isArray(raw) ? raw[0] : raw);
      return [type.id, Number.isInteger(wanted) ? Math.max(0, Math.min(wanted, type.maxQuantity)) : 0];
    }),
  );

  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6 px-4 py-6 sm:px-6 sm:py-10">
      <PageHeader back={{ href: `/events/${event.slug}`, label: t("backToEvent") }} heading={t("heading")} />

      <Card as="section" aria-labelledby="checkout-event-title" className="flex flex-col gap-1 p-4 sm:p-6">
        <h2 id="checkout-event-title" className="text-xl font-bold text-zinc-950">
          {event.title}
        </h2>
        <p className="font-semibold text-indigo-800">
          <time dateTime={event.startsAt.toISOString()}>{formatEventDateRange(event.startsAt, event.endsAt, locale, event.timeZone)}</time>
        </p>
        <p className="text-zinc-700">{t("place", { venue: event.venue, city: event.city })}</p>
        <p className="text-zinc-700">{t("organizer", { name: event.organizerName })}</p>
      </Card>

      <CheckoutForm
        eventSlug={event.slug}
        organizerName={event.organizerName}
        ticketTypes={event.ticketTypes.map((type) => ({
          id: type.id,
          field: quantityField(type.id),
          name: type.name,
          description: type.description,
          priceMinor: type.priceMinor,
          currency: type.currency,
          maxQuantity: type.maxQuantity,
        }))}
        initialQuantities={initialQuantities}
        priceTexts={initialPriceTexts(event.ticketTypes, initialQuantities, locale)}
        idempotencyKey={randomUUID()}
        paymentFlow={provider.flow}
        paymentNote={provider.flow === "card-form" ? <TestCardsNote cards={TEST_CARDS} /> : <RedirectPaymentNote />}
      />
    </div>
  );
}
