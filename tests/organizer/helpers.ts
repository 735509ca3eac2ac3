// Members, outsiders, buyers and paid orders for the organizer tests.
import { randomBytes, randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import type { EventFormValues } from "@/lib/organizers/event-form";

const unique = () => randomBytes(4).toString("hex");
const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

export async function createUser(name = "Test Person") {
  return db.user.create({ data: { email: `user-${unique()}@example.se`, name } });
}

export async function addMember(organizerId: string, role: "OWNER" | "ADMIN" | "STAFF" = "OWNER") {
  const user = await createUser("Arrangörsmedlem");
  await db.organizerMember.create({ data: { organizerId, userId: user.id, role } });
  return user;
}

function ticketCode(): string {
  return [...randomBytes(16)].map((byte) => CROCKFORD[byte % 32]).join("");
}

/** A paid order with one ticket per admission, written directly (the checkout is tested elsewhere). */
export async function paidOrder(options: {
  eventId: string;
  ticketTypeId: string;
  quantity: number;
  unitPriceMinor: number;
  buyerName?: string;
  buyerEmail?: string;
  status?: "PAID" | "PENDING" | "FAILED" | "REFUNDED";
}) {
  const status = options.status ?? "PAID";
  const total = options.quantity * options.unitPriceMinor;
  const order = await db.order.create({
    data: {
      number: `T${unique().toUpperCase()}`,
      eventId: options.eventId,
      buyerName: options.buyerName ?? "Åsa Ängström",
      buyerEmail: options.buyerEmail ?? `buyer-${unique()}@example.se`,
      status,
      subtotalMinor: total,
      totalMinor: total,
      paidAt: status === "PAID" ? new Date() : null,
      items: { create: [{ ticketTypeId: options.ticketTypeId, quantity: options.quantity, unitPriceMinor: options.unitPriceMinor }] },
    },
  });
  if (status === "PAID") {
    await db.ticketType.update({ where: { id: options.ticketTypeId }, data: { sold: { increment: options.quantity } } });
    for (let i = 0; i < options.quantity; i += 1) {
      await db.ticket.create({
        data: { code: ticketCode(), orderId: order.id, ticketTypeId: options.ticketTypeId, eventId: options.eventId },
      });
    }
  }
  return order;
}

export function eventValues(overrides: Partial<EventFormValues> = {}): EventFormValues {
  return {
    title: `Vårkonsert ${randomUUID().slice(0, 6)}`,
    slug: "",
    description: "Körer och orgel.",
    venue: "Domkyrkan",
    address: "Domkyrkoplan 1",
    city: "Uppsala",
    timeZone: "Europe/Stockholm",
    startsAt: "2030-04-20T19:00",
    endsAt: "2030-04-20T21:00",
    ticketTypes: [
      {
        id: "",
        name: "Ordinarie",
        price: "249,50",
        capacity: "100",
        salesStartAt: "",
        salesEndAt: "",
        maxPerOrder: "8",
        sortOrder: "",
        remove: false,
      },
    ],
    ...overrides,
  };
}
