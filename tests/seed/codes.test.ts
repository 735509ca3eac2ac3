import { encodeCrockford, newOrderNumber, newTicketCode, ORDER_NUMBER_PATTERN, TICKET_CODE_PATTERN } from "@/lib/orders/codes";
import { demoOrderNumber, demoTicketCode, planDemoOrders } from "@/lib/seed/demo-orders";
import { demoEvents } from "@/lib/seed/demo-events";

describe("encodeCrockford", () => {
  it("reads the bits five at a time into Crockford's alphabet", () => {
    expect(encodeCrockford(Uint8Array.from([0x00, 0x44, 0x32, 0x14, 0xc7]), 8)).toBe("01234567");
    expect(encodeCrockford(Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff]), 8)).toBe("ZZZZZZZZ");
  });

  it("refuses to make up bits it was not given", () => {
    expect(() => encodeCrockford(new Uint8Array(9), 16)).toThrow(RangeError);
  });
});

describe("newTicketCode", () => {
  it("gives 16 characters the database accepts, different every time", () => {
    const codes = new Set(Array.from({ length: 2000 }, newTicketCode));
    expect(codes.size).toBe(2000);
    for (const code of codes) expect(code).toMatch(TICKET_CODE_PATTERN);
    expect([...codes][0]).toHaveLength(16);
  });
});

describe("newOrderNumber", () => {
  it("gives 8 characters without I, L, O or U", () => {
    for (let i = 0; i < 500; i++) {
      const number = newOrderNumber();
      expect(number).toMatch(ORDER_NUMBER_PATTERN);
      expect(number).not.toMatch(/[ILOU]/);
    }
  });
});

describe("planDemoOrders", () => {
  it("plans the same orders and codes every time, all in the real formats", () => {
    for (const event of demoEvents) {
      const plan = planDemoOrders(event);
      expect(planDemoOrders(event)).toEqual(plan);
      for (const order of plan) {
        expect(order.number).toMatch(ORDER_NUMBER_PATTERN);
        for (const ticket of order.tickets) expect(ticket.code).toMatch(TICKET_CODE_PATTERN);
      }
    }
    expect(demoOrderNumber("x", 0)).toBe(demoOrderNumber("x", 0));
    expect(demoTicketCode("ABCDEFGH", 1)).not.toBe(demoTicketCode("ABCDEFGH", 2));
  });

  it("sells exactly each ticket type's sold count, never more per order than allowed", () => {
    for (const event of demoEvents) {
      const plan = planDemoOrders(event);
      for (const type of event.ticketTypes) {
        const items = plan.flatMap((order) => order.items.filter((item) => item.ticketType === type));
        expect(items.reduce((sum, item) => sum + item.quantity, 0)).toBe(type.sold);
        for (const item of items) expect(item.quantity).toBeLessThanOrEqual(type.maxPerOrder ?? 10);
      }
    }
  });

  it("gives every order and ticket across all events its own number and code", () => {
    const plans = demoEvents.flatMap((event) => planDemoOrders(event));
    expect(new Set(plans.map((order) => order.number)).size).toBe(plans.length);
    const codes = plans.flatMap((order) => order.tickets.map((ticket) => ticket.code));
    expect(new Set(codes).size).toBe(codes.length);
  });
});
