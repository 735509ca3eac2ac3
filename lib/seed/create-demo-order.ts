// Writes one planned demo order as checkout would have left it: paid, with its items and
// one ticket per admission, the sold counters moved, and the buyer's marketing opt-in.
import type { Db } from "@/lib/db/client";
import type { DemoTicketType } from "./demo-events";
import type { PlannedOrder } from "./demo-orders";
import type { SaleWindow } from "./demo-schedule";

const MINUTE = 60_000;
const DEMO_PAYMENT_PROVIDER = "demo";

export type DemoOrderContext = {
  now: Date;
  eventId: string;
  organizerId: string;
  startsAt: Date;
  publishedAt: Date;
  userId: string;
  /** The buyer's normalised address, as their User row and the consent hold it. */
  email: string;
  ticketTypeIds: Map<DemoTicketType, string>;
  sales: Map<DemoTicketType, SaleWindow>;
};

/** Between publication (or the opening of its types' sales) and the last moment it could be bought. */
function paidAt(order: PlannedOrder, context: DemoOrderContext): Date {
  let earliest = context.publishedAt.getTime();
  let latest = Math.min(context.now.getTime() - 30 * MINUTE, context.startsAt.getTime() - 60 * MINUTE);
  for (const { ticketType } of order.items) {
    const { salesStartAt, salesEndAt } = context.sales.get(ticketType)!;
    if (salesStartAt) earliest = Math.max(earliest, salesStartAt.getTime());
    if (salesEndAt) latest = Math.min(latest, salesEndAt.getTime());
  }
  if (latest < earliest) return new Date(latest);
  return new Date(Math.round(earliest + order.paidFraction * (latest - earliest)));
}

/** Returns how many marketing consents it created (0 when the buyer had already opted in). */
export async function createDemoOrder(db: Db, order: PlannedOrder, context: DemoOrderContext): Promise<number> {
  const at = paidAt(order, context);
  const typeId = (type: DemoTicketType) => context.ticketTypeIds.get(type)!;
  const subtotal = order.items.reduce((sum, item) => sum + item.quantity * item.ticketType.priceMinor, 0);

  return db.$transaction(async (tx) => {
    const created = await tx.order.create({
      data: {
        number: order.number,
        eventId: context.eventId,
        userId: context.userId,
        buyerName: order.buyer.name,
        buyerEmail: order.buyerEmail,
        locale: order.locale,
        status: "PAID",
        currency: "SEK",
        subtotalMinor: subtotal,
        feeMinor: 0,
        totalMinor: subtotal,
        paymentProvider: order.card ? DEMO_PAYMENT_PROVIDER : null,
        paymentRef: order.card ? `demo_${order.number}` : null,
        cardBrand: order.card?.brand ?? null,
        cardLast4: order.card?.last4 ?? null,
        paidAt: at,
        createdAt: new Date(at.getTime() - 2 * MINUTE),
        items: {
          createMany: {
            data: order.items.map((item) => ({
              ticketTypeId: typeId(item.ticketType),
              quantity: item.quantity,
              unitPriceMinor: item.ticketType.priceMinor,
            })),
          },
        },
        tickets: {
          createMany: {
            data: order.tickets.map((ticket) => ({
              code: ticket.code,
              ticketTypeId: typeId(ticket.ticketType),
              eventId: context.eventId,
              createdAt: at,
              // Scanned in the hour around the doors opening, 45 minutes before the start.
              checkedInAt:
                ticket.checkInFraction === null
                  ? null
                  : new Date(context.startsAt.getTime() - 45 * MINUTE + ticket.checkInFraction * 60 * MINUTE),
            })),
          },
        },
      },
      select: { id: true },
    });
    for (const item of order.items) {
      await tx.ticketType.update({
        where: { id: typeId(item.ticketType) },
        data: { sold: { increment: item.quantity } },
      });
    }
    if (!order.marketingOptIn) return 0;
    // One consent per organizer and address: a later opt-in leaves the first one standing.
    const consent = await tx.marketingConsent.createMany({
      data: [
        {
          organizerId: context.organizerId,
          email: context.email,
          userId: context.userId,
          givenAt: at,
          source: "checkout",
          orderId: created.id,
          createdAt: at,
        },
      ],
      skipDuplicates: true,
    });
    return consent.count;
  });
}
