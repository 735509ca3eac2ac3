// Accounts and orders as checkout leaves them, written directly so each test picks the state
// (paid, cancelled, a guest order under another spelling of the address).
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import { newOrderNumber, newTicketCode } from "@/lib/orders/codes";
import { createEvent } from "../helpers/fixtures";

export async function createUser(email = `kund-${randomBytes(4).toString("hex")}@example.se`) {
  return db.user.create({ data: { email, name: "Kim Kund" } });
}

export async function createOrder(options: {
  eventId: string;
  /** Ignored: lets a test spread what eventIn() returned. */
  event?: unknown;
  ticketTypeId: string;
  userId?: string | null;
  buyerEmail: string;
  status?: "PENDING" | "PAID" | "FAILED" | "CANCELLED" | "REFUNDED";
  quantity?: number;
  createdAt?: Date;
}) {
  const quantity = options.quantity ?? 2;
  const subtotal = quantity * 25_000;
  return db.order.create({
    data: {
      number: newOrderNumber(),
      eventId: options.eventId,
      userId: options.userId ?? null,
      buyerName: "Kim Kund",
      buyerEmail: options.buyerEmail,
      status: options.status ?? "PAID",
      subtotalMinor: subtotal,
      totalMinor: subtotal,
      paidAt: new Date(),
      createdAt: options.createdAt,
      items: { create: [{ ticketTypeId: options.ticketTypeId, quantity, unitPriceMinor: 25_000 }] },
      tickets:
        options.status === "PENDING" || options.status === "FAILED"
          ? undefined
          : {
              createMany: {
                data: Array.from({ length: quantity }, () => ({
                  code: newTicketCode(),
                  ticketTypeId: options.ticketTypeId,
                  eventId: options.eventId,
                })),
              },
            },
    },
    include: { tickets: { orderBy: { code: "asc" } } },
  });
}

/** An event starting `startsInDays` from now (negative: already over) with one ticket type. */
export async function eventIn(startsInDays: number, title?: string) {
  const { event, ticketTypes } = await createEvent({ startsInDays, title, ticketTypes: [{ name: "Ståplats" }] });
  return { event, eventId: event.id, ticketTypeId: ticketTypes[0].id };
}
