// The paid orders behind each demo ticket type's `sold` count. Everything about an order
// (its number, buyer, items, ticket codes) follows from the event's slug, so a second run
// plans the very same orders and finds them already there.
import { createHash } from "node:crypto";
import { encodeCrockford } from "@/lib/orders/codes";
import { demoBuyers, emailAsTyped, type DemoBuyer } from "./demo-buyers";
import type { DemoEvent, DemoTicketType } from "./demo-events";

export type PlannedTicket = {
  code: string;
  ticketType: DemoTicketType;
  /** Where in the hour around the doors opening it was scanned, or null if never. */
  checkInFraction: number | null;
};

export type PlannedOrder = {
  number: string;
  buyer: DemoBuyer;
  /** The address as typed at checkout (the buyer's User row holds it normalised). */
  buyerEmail: string;
  locale: "sv" | "en";
  items: { ticketType: DemoTicketType; quantity: number }[];
  tickets: PlannedTicket[];
  marketingOptIn: boolean;
  /** Where in the window in which it could have been paid it was paid, 0 … 1. */
  paidFraction: number;
  card: { brand: string; last4: string } | null;
};

const sha256 = (text: string) => createHash("sha256").update(text).digest();

/** A repeatable stream of numbers in [0, 1) (mulberry32) for one seed string. */
export function seededRandom(seed: string): () => number {
  let state = sha256(seed).readUInt32BE(0);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Demo order numbers have the shape of real ones (8 Crockford characters), so every page
 * and lookup that accepts a real number accepts them too.
 */
export function demoOrderNumber(eventSlug: string, index: number): string {
  return encodeCrockford(sha256(`demo-order:${eventSlug}:${index}`), 8);
}

/**
 * 16 characters like a real ticket code, but derived rather than random so that re-runs
 * find them. Anyone with the source can work them out: fine for demo tickets only.
 */
export function demoTicketCode(orderNumber: string, index: number): string {
  return encodeCrockford(sha256(`demo-ticket:${orderNumber}:${index}`), 16);
}

function pick<T>(random: () => number, items: T[]): T {
  return items[Math.floor(random() * items.length)];
}

/** One or two admissions most often, now and then a group of three to six. */
function groupSize(random: () => number): number {
  const roll = random();
  if (roll < 0.3) return 1;
  if (roll < 0.75) return 2;
  if (roll < 0.88) return 3;
  if (roll < 0.96) return 4;
  return 6;
}

function weightedType(random: () => number, remaining: Map<DemoTicketType, number>): DemoTicketType {
  const open = [...remaining].filter(([, left]) => left > 0);
  let roll = random() * open.reduce((sum, [, left]) => sum + left, 0);
  for (const [type, left] of open) {
    roll -= left;
    if (roll < 0) return type;
  }
  return open[open.length - 1][0];
}

export function planDemoOrders(event: DemoEvent): PlannedOrder[] {
  const random = seededRandom(`demo-orders:${event.slug}`);
  const remaining = new Map(event.ticketTypes.map((type) => [type, type.sold] as const));
  const left = () => [...remaining.values()].reduce((sum, count) => sum + count, 0);
  const orders: PlannedOrder[] = [];

  while (left() > 0) {
    const items: PlannedOrder["items"] = [];
    const take = (type: DemoTicketType, wanted: number) => {
      const quantity = Math.min(wanted, remaining.get(type)!, type.maxPerOrder ?? 10);
      if (quantity < 1) return;
      items.push({ ticketType: type, quantity });
      remaining.set(type, remaining.get(type)! - quantity);
    };
    take(weightedType(random, remaining), groupSize(random));
    // Some orders mix types: a parent with children, a student with a friend.
    if (left() > 0 && random() < 0.25) {
      const other = weightedType(random, remaining);
      if (!items.some((item) => item.ticketType === other)) take(other, random() < 0.6 ? 1 : 2);
    }

    const number = demoOrderNumber(event.slug, orders.length);
    const buyer = pick(random, demoBuyers);
    const free = items.every((item) => item.ticketType.priceMinor === 0);
    const tickets: PlannedTicket[] = [];
    for (const item of items) {
      for (let i = 0; i < item.quantity; i++) {
        const scanned = event.checkedInShare !== undefined && random() < event.checkedInShare;
        tickets.push({
          code: demoTicketCode(number, tickets.length),
          ticketType: item.ticketType,
          checkInFraction: scanned ? random() : null,
        });
      }
    }
    const cardRoll = random();
    orders.push({
      number,
      buyer,
      buyerEmail: emailAsTyped(buyer.email, Math.floor(random() * 5)),
      locale: random() < 0.1 ? "en" : "sv",
      items,
      tickets,
      marketingOptIn: random() < 0.35,
      paidFraction: random(),
      card: free
        ? null
        : {
            brand: cardRoll < 0.6 ? "visa" : cardRoll < 0.95 ? "mastercard" : "amex",
            last4: String(Math.floor(random() * 10_000)).padStart(4, "0"),
          },
    });
  }
  return orders;
}
