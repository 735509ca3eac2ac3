// The order-confirmation email's payload for an order already paid, read back from the
// database: the same snapshot lib/orders/finalize-order.ts writes when the order completes.
import type { DbTransaction } from "../db/client";
import type { OrderConfirmationPayload } from "../outbox/templates";
import { orderUrl } from "../orders/order-links";
import { STILL_WITH_BUYER } from "../ownership/ticket-holder";
import { ORGANIZER_CONTACT_SELECT, organizerReplyTo } from "../organizers/contact-address";

/**
 * Null when the order does not exist. Void tickets are left out: they no longer admit anyone;
 * so are tickets passed on: they are their new holders' (lib/ownership/holdings.ts).
 */
export async function orderConfirmationPayload(tx: DbTransaction, orderId: string): Promise<OrderConfirmationPayload | null> {
  const order = await tx.order.findUnique({
    where: { id: orderId },
    include: {
      items: { include: { ticketType: { select: { name: true, sortOrder: true } } } },
      tickets: {
        where: { status: "VALID", ...STILL_WITH_BUYER },
        orderBy: [{ createdAt: "asc" }, { code: "asc" }],
        select: { code: true, ticketType: { select: { name: true, sortOrder: true } } },
      },
      event: { include: { organizer: { select: { name: true, ...ORGANIZER_CONTACT_SELECT } } } },
    },
  });
  if (!order) return null;
  const items = [...order.items].sort((a, b) => a.ticketType.sortOrder - b.ticketType.sortOrder);
  const tickets = [...order.tickets].sort((a, b) => a.ticketType.sortOrder - b.ticketType.sortOrder);
  return {
    orderNumber: order.number,
    buyerName: order.buyerName,
    organizerName: order.event.organizer.name,
    event: {
      title: order.event.title,
      venue: order.event.venue,
      address: order.event.address,
      city: order.event.city,
      startsAt: order.event.startsAt.toISOString(),
      endsAt: order.event.endsAt.toISOString(),
      timeZone: order.event.timeZone,
    },
    lines: items.map((item) => ({ name: item.ticketType.name, quantity: item.quantity, unitPriceMinor: item.unitPriceMinor })),
    tickets: tickets.map((ticket) => ({ code: ticket.code, typeName: ticket.ticketType.name })),
    totalMinor: order.totalMinor,
    currency: order.currency,
    orderUrl: orderUrl(order),
    replyTo: organizerReplyTo(order.event.organizer),
  };
}
