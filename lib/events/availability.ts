// Whether a ticket type can be bought right now, and how many are left. Pure, so the event
// page, the checkout page and their tests all apply the same rule.

export type AvailabilityState = "on_sale" | "few_left" | "sold_out" | "not_started" | "ended";

export type TicketStock = {
  capacity: number;
  /** Admissions paid for. */
  sold: number;
  /** Admissions reserved by orders whose payment is pending. */
  held: number;
  /** Sales open at this moment (inclusive); null means they are open from the start. */
  salesStartAt: Date | null;
  /** Sales close at this moment (exclusive); null means when the event ends. */
  salesEndAt: Date | null;
};

export type Availability = {
  /** Admissions still to be had: capacity minus sold minus held, never below zero. */
  left: number;
  state: AvailabilityState;
};

/**
 * "Few left" is an absolute count, not a share of capacity: a buyer thinks "are there four
 * for us?", and ten is the default most one order may take, so at this point a single order
 * could empty the ticket type. A share would call 60 seats of a 600-seat arena "few" and
 * would never say it about a small club until the last two or three.
 */
export const FEW_LEFT = 10;

/** Whether a state lets someone choose this ticket type and buy it. */
export function isPurchasable(state: AvailabilityState): boolean {
  return state === "on_sale" || state === "few_left";
}

/**
 * When sales of a ticket type close: at `salesEndAt`, and in any case when the event ends
 * (an organizer's end date after the event would otherwise sell tickets to something over).
 */
export function salesCloseAt(stock: Pick<TicketStock, "salesEndAt">, eventEndsAt: Date): Date {
  const { salesEndAt } = stock;
  return salesEndAt && salesEndAt.getTime() < eventEndsAt.getTime() ? salesEndAt : eventEndsAt;
}

/**
 * The state of one ticket type at `now`. The sale window decides first: once sales have closed
 * the ticket type reads "ended" even if it also sold out, and before they open it reads
 * "not_started"; within the window it is "sold_out" when sold + held reach capacity, "few_left"
 * at FEW_LEFT or fewer, "on_sale" otherwise. `left` is given in every state.
 */
export function availability(stock: TicketStock, eventEndsAt: Date, now: Date): Availability {
  const left = Math.max(0, stock.capacity - stock.sold - stock.held);
  const time = now.getTime();

  let state: AvailabilityState;
  if (time >= salesCloseAt(stock, eventEndsAt).getTime()) state = "ended";
  else if (stock.salesStartAt && time < stock.salesStartAt.getTime()) state = "not_started";
  else if (left === 0) state = "sold_out";
  else if (left <= FEW_LEFT) state = "few_left";
  else state = "on_sale";

  return { left, state };
}

/** The largest quantity one order may choose of a ticket type: its per-order limit or what is left. */
export function maxQuantity(stock: TicketStock & { maxPerOrder: number }, eventEndsAt: Date, now: Date): number {
  const { left, state } = availability(stock, eventEndsAt, now);
  return isPurchasable(state) ? Math.max(0, Math.min(stock.maxPerOrder, left)) : 0;
}
