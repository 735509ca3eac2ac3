import { useLocale, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/input";
import { availability, isPurchasable, maxQuantity, salesCloseAt, type Availability } from "@/lib/events/availability";
import type { EventTicketType } from "@/lib/events/queries";
import { formatPrice } from "@/lib/i18n/format";
import { asLocale } from "@/lib/i18n/locales";
import { localizePath } from "@/lib/i18n/paths";
import { AvailabilityStatus } from "./availability-status";
import { WaitingListJoinLink } from "@/components/waiting-list/join-link";

export type TicketTypesProps = {
  eventSlug: string;
  eventEndsAt: Date;
  timeZone: string;
  ticketTypes: EventTicketType[];
  now: Date;
};

/** The query parameter the checkout page reads a ticket type's quantity from. */
export const quantityParam = (ticketTypeId: string) => `q_${ticketTypeId}`;

/**
 * An event's ticket types with price and stock. When any can be bought they sit in one GET form
 * to the checkout page, a quantity select (named q_<ticketTypeId>) for each type on sale, so
 * choosing works without JavaScript; the checkout page checks the quantities again.
 */
export function TicketTypes({ eventSlug, eventEndsAt, timeZone, ticketTypes, now }: TicketTypesProps) {
  const t = useTranslations("EventPage");
  const pageLocale = useLocale();

  if (ticketTypes.length === 0) return <p className="text-zinc-700">{t("noTicketTypes")}</p>;

  const rows = ticketTypes.map((type) => ({
    type,
    availability: availability(type, eventEndsAt, now),
    max: maxQuantity(type, eventEndsAt, now),
  }));
  const selectable = rows.filter((row) => isPurchasable(row.availability.state) && row.max > 0);
  // With a single choice, one ticket is what most people want; with several, nothing is assumed.
  const defaultQuantity = selectable.length === 1 ? 1 : 0;

  const list = (
    <ul className="divide-y divide-zinc-200">
      {rows.map((row) => (
        <TicketTypeItem
          key={row.type.id}
          ticketType={row.type}
          availability={row.availability}
          max={row.max}
          defaultQuantity={defaultQuantity}
          salesEndAt={row.type.salesEndAt ? salesCloseAt(row.type, eventEndsAt) : null}
          timeZone={timeZone}
          eventSlug={eventSlug}
        />
      ))}
    </ul>
  );

  if (selectable.length === 0) {
    return (
      <div className="flex flex-col gap-4">
        {list}
        <p className="font-semibold text-zinc-900">{t("noneOnSale")}</p>
      </div>
    );
  }

  return (
    <form
      method="get"
      action={localizePath(`/events/${encodeURIComponent(eventSlug)}/checkout`, asLocale(pageLocale))}
      className="flex flex-col gap-4"
    >
      <p className="text-zinc-700">{t("chooseHint")}</p>
      {list}
      <Button type="submit" size="lg" fullWidth>
        {t("continue")}
      </Button>
    </form>
  );
}

function TicketTypeItem({
  ticketType,
  availability,
  max,
  defaultQuantity,
  salesEndAt,
  timeZone,
  eventSlug,
}: {
  eventSlug: string;
  ticketType: EventTicketType;
  availability: Availability;
  max: number;
  defaultQuantity: number;
  salesEndAt: Date | null;
  timeZone: string;
}) {
  const t = useTranslations("EventPage");
  const ta = useTranslations("Availability");
  const locale = useLocale();
  const controlId = `quantity-${ticketType.id}`;
  const statusId = `${controlId}-status`;
  const hintId = `${controlId}-hint`;
  const price = ticketType.priceMinor === 0 ? ta("free") : formatPrice(ticketType.priceMinor, ticketType.currency, locale);
  // The per-order limit is worth saying only when it, not the stock, is what stops the buyer.
  const showLimit = max > 0 && max === ticketType.maxPerOrder;

  return (
    <li className="flex flex-col gap-2 py-4 first:pt-0">
      <div className="flex items-baseline justify-between gap-4">
        <h3 className="text-lg font-bold text-zinc-950">{ticketType.name}</h3>
        <p className="shrink-0 text-lg font-semibold whitespace-nowrap text-zinc-950">{price}</p>
      </div>
      {ticketType.description ? <p className="text-zinc-700">{ticketType.description}</p> : null}
      <div id={statusId}>
        <AvailabilityStatus
          availability={availability}
          salesStartAt={ticketType.salesStartAt}
          salesEndAt={salesEndAt}
          timeZone={timeZone}
        />
      </div>
      {availability.state === "sold_out" ? (
        <WaitingListJoinLink eventSlug={eventSlug} ticketTypeId={ticketType.id} ticketTypeName={ticketType.name} />
      ) : null}
      {max > 0 ? (
        <div className="flex items-center justify-between gap-4">
          <div className="flex flex-col">
            <label htmlFor={controlId} className="font-semibold text-zinc-900">
              {t.rich("quantity", {
                name: ticketType.name,
                hidden: (chunks) => <span className="sr-only">{chunks}</span>,
              })}
            </label>
            {showLimit ? (
              <p id={hintId} className="text-sm text-zinc-700">
                {t("maxPerOrder", { count: max })}
              </p>
            ) : null}
          </div>
          <div className="w-24 shrink-0">
            <select
              id={controlId}
              name={quantityParam(ticketType.id)}
              defaultValue={String(Math.min(defaultQuantity, max))}
              aria-describedby={showLimit ? `${statusId} ${hintId}` : statusId}
              className={inputClasses}
            >
              {Array.from({ length: max + 1 }, (_, quantity) => (
                <option key={quantity} value={quantity}>
                  {quantity}
                </option>
              ))}
            </select>
          </div>
        </div>
      ) : null}
    </li>
  );
}
