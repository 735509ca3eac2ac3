import { FEW_LEFT, availability, isPurchasable, maxQuantity, salesCloseAt, type TicketStock } from "@/lib/events/availability";

const now = new Date("2030-06-01T12:00:00Z");
const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
const eventEndsAt = at(7 * 24 * 60);

const stock = (overrides: Partial<TicketStock> = {}): TicketStock => ({
  capacity: 100,
  sold: 0,
  held: 0,
  salesStartAt: null,
  salesEndAt: null,
  ...overrides,
});

describe("availability", () => {
  it("is on sale with plenty left and no sale window", () => {
    expect(availability(stock({ sold: 40, held: 5 }), eventEndsAt, now)).toEqual({ left: 55, state: "on_sale" });
  });

  it(`has few left at ${FEW_LEFT} or fewer, counting held tickets as gone`, () => {
    expect(availability(stock({ sold: 89 }), eventEndsAt, now)).toEqual({ left: 11, state: "on_sale" });
    expect(availability(stock({ sold: 90 }), eventEndsAt, now)).toEqual({ left: 10, state: "few_left" });
    expect(availability(stock({ sold: 85, held: 5 }), eventEndsAt, now)).toEqual({ left: 10, state: "few_left" });
    expect(availability(stock({ sold: 99 }), eventEndsAt, now)).toEqual({ left: 1, state: "few_left" });
  });

  it("counts few left by number, not share: a small ticket type is few from the start", () => {
    expect(availability(stock({ capacity: 8 }), eventEndsAt, now)).toEqual({ left: 8, state: "few_left" });
    expect(availability(stock({ capacity: 600, sold: 580 }), eventEndsAt, now)).toEqual({ left: 20, state: "on_sale" });
  });

  it("is sold out when sold plus held reach capacity", () => {
    expect(availability(stock({ sold: 100 }), eventEndsAt, now)).toEqual({ left: 0, state: "sold_out" });
    expect(availability(stock({ sold: 97, held: 3 }), eventEndsAt, now)).toEqual({ left: 0, state: "sold_out" });
    expect(availability(stock({ capacity: 0 }), eventEndsAt, now)).toEqual({ left: 0, state: "sold_out" });
  });

  it("never reports fewer than zero left", () => {
    expect(availability(stock({ capacity: 5, sold: 7 }), eventEndsAt, now)).toEqual({ left: 0, state: "sold_out" });
  });

  it("has not started until the start of sales, and is on sale from that very moment", () => {
    expect(availability(stock({ salesStartAt: at(1) }), eventEndsAt, now).state).toBe("not_started");
    expect(availability(stock({ salesStartAt: new Date(now.getTime() + 1) }), eventEndsAt, now).state).toBe("not_started");
    expect(availability(stock({ salesStartAt: now }), eventEndsAt, now).state).toBe("on_sale");
    expect(availability(stock({ salesStartAt: at(-1) }), eventEndsAt, now).state).toBe("on_sale");
  });

  it("has ended from the end of sales on, and is on sale until just before", () => {
    expect(availability(stock({ salesEndAt: now }), eventEndsAt, now).state).toBe("ended");
    expect(availability(stock({ salesEndAt: at(-60) }), eventEndsAt, now).state).toBe("ended");
    expect(availability(stock({ salesEndAt: new Date(now.getTime() + 1) }), eventEndsAt, now).state).toBe("on_sale");
  });

  it("closes sales when the event ends if no end of sales is set", () => {
    expect(availability(stock(), now, now).state).toBe("ended");
    expect(availability(stock(), at(-1), now).state).toBe("ended");
    expect(availability(stock(), at(1), now).state).toBe("on_sale");
  });

  it("closes sales when the event ends even if the end of sales is later", () => {
    expect(availability(stock({ salesEndAt: at(60) }), now, now).state).toBe("ended");
  });

  it("lets the sale window win over stock: ended or not started even when sold out", () => {
    expect(availability(stock({ sold: 100, salesEndAt: at(-1) }), eventEndsAt, now)).toEqual({ left: 0, state: "ended" });
    expect(availability(stock({ sold: 100, salesStartAt: at(1) }), eventEndsAt, now)).toEqual({
      left: 0,
      state: "not_started",
    });
  });

  it("still tells how many are left when they cannot be bought", () => {
    expect(availability(stock({ sold: 30, salesStartAt: at(1) }), eventEndsAt, now)).toEqual({ left: 70, state: "not_started" });
    expect(availability(stock({ sold: 95, salesEndAt: at(-1) }), eventEndsAt, now)).toEqual({ left: 5, state: "ended" });
  });
});

describe("isPurchasable", () => {
  it("is true only on sale or with few left", () => {
    expect(isPurchasable("on_sale")).toBe(true);
    expect(isPurchasable("few_left")).toBe(true);
    expect(isPurchasable("sold_out")).toBe(false);
    expect(isPurchasable("not_started")).toBe(false);
    expect(isPurchasable("ended")).toBe(false);
  });
});

describe("salesCloseAt", () => {
  it("is the end of sales when it comes before the event ends, the event's end otherwise", () => {
    expect(salesCloseAt({ salesEndAt: at(5) }, eventEndsAt)).toEqual(at(5));
    expect(salesCloseAt({ salesEndAt: null }, eventEndsAt)).toEqual(eventEndsAt);
    expect(salesCloseAt({ salesEndAt: at(8 * 24 * 60) }, eventEndsAt)).toEqual(eventEndsAt);
  });
});

describe("maxQuantity", () => {
  it("is the per-order limit when more are left", () => {
    expect(maxQuantity({ ...stock(), maxPerOrder: 8 }, eventEndsAt, now)).toBe(8);
  });

  it("is what is left when that is less than the limit", () => {
    expect(maxQuantity({ ...stock({ sold: 96, held: 1 }), maxPerOrder: 8 }, eventEndsAt, now)).toBe(3);
  });

  it("is zero when the ticket type cannot be bought", () => {
    expect(maxQuantity({ ...stock({ sold: 100 }), maxPerOrder: 8 }, eventEndsAt, now)).toBe(0);
    expect(maxQuantity({ ...stock({ salesStartAt: at(1) }), maxPerOrder: 8 }, eventEndsAt, now)).toBe(0);
    expect(maxQuantity({ ...stock({ salesEndAt: now }), maxPerOrder: 8 }, eventEndsAt, now)).toBe(0);
  });
});
