import { databaseKind, useTestDatabase } from "../helpers/test-db";
import { db } from "@/lib/db/client";
import { CLAIM_ORDER_LIMIT, CLAIM_USER_LIMIT, claimOrder, parseAmountMinor } from "@/lib/organizer-ops/order-claim";
import { SUPERSEDED_ERROR } from "@/lib/organizer-ops/move-order";
import { hashPassword } from "@/lib/accounts/passwords";
import { createUser, organizerWithTeam, paidOrder } from "./fixtures";

useTestDatabase();

async function misspelled(options: { cardLast4?: string | null; priceMinor?: number } = {}) {
  const team = await organizerWithTeam();
  const order = await paidOrder(
    { eventId: team.event.id, ticketTypeId: team.ticketTypes[0].id },
    { email: `greta.${Date.now()}${Math.random().toString(36).slice(2, 6)}@hotmial.com`, quantity: 2, priceMinor: 22_500, ...options },
  );
  const buyer = await createUser("Greta Köpare");
  return { team, order, buyer };
}

describe(`claimOrder (${databaseKind})`, () => {
  it("moves the order to the signed-in buyer who knows the card's last four digits", async () => {
    const { order, buyer } = await misspelled();
    const result = await claimOrder({ userId: buyer.id, form: { orderNumber: order.number.toLowerCase(), method: "card", secret: "4242" } });

    expect(result).toEqual({ ok: true, orderId: order.id, orderNumber: order.number });
    const moved = await db.order.findUniqueOrThrow({ where: { id: order.id } });
    expect([moved.userId, moved.buyerEmail]).toEqual([buyer.id, buyer.email]);
    const change = await db.orderEmailChange.findFirstOrThrow({ where: { orderId: order.id } });
    expect(change).toMatchObject({ source: "buyer_claim", changedById: buyer.id, changedByEmail: buyer.email, fromEmail: order.buyerEmail, toEmail: buyer.email });
    expect((await db.outboxEmail.findMany({ where: { to: buyer.email } })).map((email) => email.template)).toEqual(["order-confirmation"]);
    const old = await db.outboxEmail.findMany({ where: { to: order.buyerEmail } });
    expect(old.every((email) => email.status === "FAILED" && email.lastError === SUPERSEDED_ERROR)).toBe(true);
  });

  it("accepts the exact amount paid, written as a buyer writes it", async () => {
    const { order, buyer } = await misspelled({ cardLast4: null });
    expect(await claimOrder({ userId: buyer.id, form: { orderNumber: order.number, method: "amount", secret: "449" } })).toEqual({ ok: false, error: "no_match" });
    expect(await claimOrder({ userId: buyer.id, form: { orderNumber: order.number, method: "amount", secret: "450,00 kr" } })).toMatchObject({ ok: true });
    // Claimed again by the same person: it is already theirs.
    expect(await claimOrder({ userId: buyer.id, form: { orderNumber: order.number, method: "amount", secret: "450" } })).toEqual({ ok: false, error: "already_yours" });
  });

  it("gives one answer for a wrong number and a wrong secret, and locks the order after five wrong tries", async () => {
    const { order, buyer } = await misspelled();
    const other = await createUser();
    expect(await claimOrder({ userId: buyer.id, form: { orderNumber: "ZZZZZZZZ", method: "card", secret: "4242" } })).toEqual({ ok: false, error: "no_match" });
    for (let attempt = 1; attempt <= CLAIM_ORDER_LIMIT.limit; attempt++) {
      const who = attempt % 2 ? other.id : buyer.id;
      expect(await claimOrder({ userId: who, form: { orderNumber: order.number, method: "card", secret: `000${attempt}` } })).toEqual({ ok: false, error: "no_match" });
    }
    // Locked for everyone, even with the right answer.
    expect(await claimOrder({ userId: buyer.id, form: { orderNumber: order.number, method: "card", secret: "4242" } })).toMatchObject({ ok: false, error: "locked" });
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).userId).toBe(order.userId);
    // Half an hour later it opens again.
    const later = new Date(Date.now() + CLAIM_ORDER_LIMIT.windowMs + 1000);
    expect(await claimOrder({ userId: buyer.id, form: { orderNumber: order.number, method: "card", secret: "4242" }, now: later })).toMatchObject({ ok: true });
  });

  it("locks one user who tries many different order numbers", async () => {
    const { order } = await misspelled();
    const guesser = await createUser();
    for (let attempt = 0; attempt < CLAIM_USER_LIMIT.limit; attempt++) {
      const number = `${attempt}`.padStart(8, "Z");
      expect(await claimOrder({ userId: guesser.id, form: { orderNumber: number, method: "card", secret: "4242" } })).toEqual({ ok: false, error: "no_match" });
    }
    expect(await claimOrder({ userId: guesser.id, form: { orderNumber: order.number, method: "card", secret: "4242" } })).toMatchObject({ ok: false, error: "locked" });
  });

  it("refuses a free order by amount, and says so when a correctly proven order is not paid", async () => {
    const free = await misspelled({ cardLast4: null, priceMinor: 0 });
    expect(await claimOrder({ userId: free.buyer.id, form: { orderNumber: free.order.number, method: "amount", secret: "0" } })).toEqual({ ok: false, error: "no_match" });
    const refunded = await misspelled();
    await db.order.update({ where: { id: refunded.order.id }, data: { status: "REFUNDED" } });
    expect(await claimOrder({ userId: refunded.buyer.id, form: { orderNumber: refunded.order.number, method: "card", secret: "4242" } })).toEqual({ ok: false, error: "not_paid" });
  });

  it("still moves an order whose account nobody has used", async () => {
    const { order, buyer } = await misspelled();
    const owner = await db.user.findUniqueOrThrow({ where: { id: order.userId! }, select: { emailVerified: true, passwordHash: true } });
    expect(owner).toEqual({ emailVerified: null, passwordHash: null });
    expect(await claimOrder({ userId: buyer.id, form: { orderNumber: order.number, method: "amount", secret: "450" } })).toMatchObject({ ok: true });
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).userId).toBe(buyer.id);
  });

  it.each([
    ["has signed in with a link", async (userId: string) => db.user.update({ where: { id: userId }, data: { emailVerified: new Date() } })],
    ["has a password", async (userId: string) => db.user.update({ where: { id: userId }, data: { passwordHash: await hashPassword("tre ord i rad") } })],
    // The account was deleted: nobody can say the address is unread.
    ["is gone", async (userId: string) => db.user.delete({ where: { id: userId } })],
  ])("refuses, once proven, an order whose account %s, and leaves it as it was", async (_case, use) => {
    const { order, buyer } = await misspelled();
    await use(order.userId!);
    const before = await db.order.findUniqueOrThrow({ where: { id: order.id }, include: { tickets: true } });
    const outboxBefore = await db.outboxEmail.findMany({ where: { to: order.buyerEmail }, orderBy: { id: "asc" } });

    // A wrong answer still says only that: the account is not revealed without the proof.
    expect(await claimOrder({ userId: buyer.id, form: { orderNumber: order.number, method: "card", secret: "1111" } })).toEqual({ ok: false, error: "no_match" });
    expect(await claimOrder({ userId: buyer.id, form: { orderNumber: order.number, method: "card", secret: "4242" } })).toEqual({ ok: false, error: "in_use" });
    expect(await claimOrder({ userId: buyer.id, form: { orderNumber: order.number, method: "amount", secret: "450" } })).toEqual({ ok: false, error: "in_use" });

    const after = await db.order.findUniqueOrThrow({ where: { id: order.id }, include: { tickets: true } });
    expect([after.userId, after.buyerEmail]).toEqual([before.userId, before.buyerEmail]);
    expect(after.tickets.map((ticket) => ticket.code).sort()).toEqual(before.tickets.map((ticket) => ticket.code).sort());
    expect(await db.orderEmailChange.count({ where: { orderId: order.id } })).toBe(0);
    expect(await db.outboxEmail.findMany({ where: { to: order.buyerEmail }, orderBy: { id: "asc" } })).toEqual(outboxBefore);
    expect(await db.outboxEmail.count({ where: { to: buyer.email } })).toBe(0);
  });

  it("reports missing fields", async () => {
    const buyer = await createUser();
    expect(await claimOrder({ userId: buyer.id, form: { orderNumber: "", method: "", secret: "" } })).toEqual({
      ok: false,
      error: "invalid_form",
      fieldErrors: { orderNumber: "required", method: "required", secret: "required" },
    });
  });
});

describe("parseAmountMinor", () => {
  it.each([
    ["450", 45_000],
    ["450,00", 45_000],
    ["450.5", 45_050],
    ["1 250,00 kr", 125_000],
    ["450:-", 45_000],
    ["abc", null],
    ["4,505", null],
  ])("reads %s", (text, minor) => {
    expect(parseAmountMinor(text)).toBe(minor);
  });
});
