import { randomBytes } from "node:crypto";
import { databaseKind, useTestDatabase } from "../helpers/test-db";
import { db } from "@/lib/db/client";
import { CLAIM_CLIENT_LIMIT, CLAIM_USER_LIMIT, claimOrder, parseAmountMinor } from "@/lib/organizers/corrections/order-claim";
import { SUPERSEDED_ERROR } from "@/lib/organizers/corrections/move-order";
import { hashPassword } from "@/lib/accounts/passwords";
import { organizerWithTeam, paidOrder } from "./fixtures";

useTestDatabase();

const NO_MATCH = { ok: false, error: "no_match" };

/** A person whose address is `local@domain`, who has shown they read it (a verified sign-in). */
async function verifiedUser(email: string, name = "Greta Köpare") {
  return db.user.create({ data: { email, name, emailVerified: new Date() } });
}

/**
 * A guest order sent to a misspelled hotmail address, and the buyer's real account: the same
 * name at the right domain, signed in by link. The order cost 450 kr, paid by a card ending 4242.
 */
async function misspelled(options: { cardLast4?: string | null; priceMinor?: number; startsInDays?: number } = {}) {
  const team = await organizerWithTeam();
  const local = `greta.${randomBytes(3).toString("hex")}`;
  const order = await paidOrder(
    { eventId: team.event.id, ticketTypeId: team.ticketTypes[0].id },
    { email: `${local}@hotmial.com`, quantity: 2, priceMinor: 22_500, ...options },
  );
  const buyer = await verifiedUser(`${local}@hotmail.com`);
  return { team, order, buyer, local };
}

const answer = (number: string, amount = "450", last4 = "4242") => ({ orderNumber: number, amount, last4 });

describe(`claimOrder (${databaseKind})`, () => {
  it("moves the order to the buyer whose verified address corrects the typo, with the amount and the card digits", async () => {
    const { order, buyer } = await misspelled();
    const result = await claimOrder({ userId: buyer.id, form: answer(order.number.toLowerCase(), "450,00 kr") });

    expect(result).toEqual({ ok: true, orderId: order.id, orderNumber: order.number });
    const moved = await db.order.findUniqueOrThrow({ where: { id: order.id }, include: { tickets: true } });
    expect([moved.userId, moved.buyerEmail]).toEqual([buyer.id, buyer.email]);
    // New codes: whoever holds the old tickets gets nobody in.
    expect(moved.tickets.map((ticket) => ticket.code).some((code) => order.tickets.some((old) => old.code === code))).toBe(false);
    const change = await db.orderEmailChange.findFirstOrThrow({ where: { orderId: order.id } });
    expect(change).toMatchObject({
      source: "buyer_claim",
      changedById: buyer.id,
      changedByEmail: buyer.email,
      fromEmail: order.buyerEmail,
      toEmail: buyer.email,
    });
    expect((await db.outboxEmail.findMany({ where: { to: buyer.email } })).map((email) => email.template)).toEqual(["order-confirmation"]);
    const old = await db.outboxEmail.findMany({ where: { to: order.buyerEmail }, orderBy: { createdAt: "asc" } });
    expect(
      old
        .filter((email) => email.template !== "order-moved")
        .every((email) => email.status === "FAILED" && email.lastError === SUPERSEDED_ERROR),
    ).toBe(true);
  });

  it("tells the old address that the order moved at the buyer's request, without a link or the new address", async () => {
    const { order, buyer } = await misspelled();
    expect(await claimOrder({ userId: buyer.id, form: answer(order.number) })).toMatchObject({ ok: true });
    const notice = await db.outboxEmail.findFirstOrThrow({ where: { to: order.buyerEmail, template: "order-moved" } });
    expect(notice.status).toBe("PENDING");
    expect(notice.payload).toEqual({
      orderNumber: order.number,
      eventTitle: expect.any(String),
      organizerName: expect.any(String),
      movedBy: "buyer",
      // Replies reach the organizer (its contact address), never the new address.
      replyTo: expect.stringMatching(/@arrangor\.example$/),
    });
    expect(JSON.stringify(notice.payload)).not.toContain(buyer.email);
    expect(JSON.stringify(notice.payload)).not.toContain("/orders/");
  });

  it("refuses a stranger who knows the number, the amount and the card digits but whose address is not a typo of the order's", async () => {
    const { order } = await misspelled();
    const stranger = await verifiedUser(`mallory.${randomBytes(3).toString("hex")}@gmail.com`);
    expect(await claimOrder({ userId: stranger.id, form: answer(order.number) })).toEqual(NO_MATCH);
    const after = await db.order.findUniqueOrThrow({ where: { id: order.id }, include: { tickets: true } });
    expect([after.userId, after.buyerEmail]).toEqual([order.userId, order.buyerEmail]);
    expect(after.tickets.map((ticket) => ticket.code).sort()).toEqual(order.tickets.map((ticket) => ticket.code).sort());
    expect(await db.orderEmailChange.count({ where: { orderId: order.id } })).toBe(0);
  });

  it("needs both the amount and the card digits: a public price alone proves nothing", async () => {
    const { order, buyer } = await misspelled();
    expect(await claimOrder({ userId: buyer.id, form: answer(order.number, "450", "1111") })).toEqual(NO_MATCH);
    expect(await claimOrder({ userId: buyer.id, form: answer(order.number, "449", "4242") })).toEqual(NO_MATCH);
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).userId).toBe(order.userId);
  });

  it("gives one identical answer to every refusal, so none confirms a right guess", async () => {
    const cases: [string, () => Promise<{ userId: string; number: string; amount?: string; last4?: string }>][] = [
      ["wrong number", async () => ({ userId: (await misspelled()).buyer.id, number: "ZZZZZZZZ" })],
      [
        "wrong card digits",
        async () => {
          const c = await misspelled();
          return { userId: c.buyer.id, number: c.order.number, last4: "0000" };
        },
      ],
      [
        "account in use",
        async () => {
          const c = await misspelled();
          await db.user.update({ where: { id: c.order.userId! }, data: { emailVerified: new Date() } });
          return { userId: c.buyer.id, number: c.order.number };
        },
      ],
      [
        "account with a password",
        async () => {
          const c = await misspelled();
          await db.user.update({ where: { id: c.order.userId! }, data: { passwordHash: await hashPassword("tre ord i rad") } });
          return { userId: c.buyer.id, number: c.order.number };
        },
      ],
      [
        "account gone",
        async () => {
          const c = await misspelled();
          await db.user.delete({ where: { id: c.order.userId! } });
          return { userId: c.buyer.id, number: c.order.number };
        },
      ],
      [
        "not paid",
        async () => {
          const c = await misspelled();
          await db.order.update({ where: { id: c.order.id }, data: { status: "REFUNDED" } });
          return { userId: c.buyer.id, number: c.order.number };
        },
      ],
      [
        "already yours",
        async () => {
          const c = await misspelled();
          expect(await claimOrder({ userId: c.buyer.id, form: answer(c.order.number) })).toMatchObject({ ok: true });
          return { userId: c.buyer.id, number: c.order.number };
        },
      ],
      [
        "a ticket checked in",
        async () => {
          const c = await misspelled();
          await db.ticket.update({ where: { id: c.order.tickets[0].id }, data: { checkedInAt: new Date() } });
          return { userId: c.buyer.id, number: c.order.number };
        },
      ],
      [
        "event started",
        async () => {
          const c = await misspelled();
          const started = new Date(Date.now() - 60_000);
          await db.event.update({
            where: { id: c.order.eventId },
            data: { startsAt: started, endsAt: new Date(started.getTime() + 3 * 3600_000) },
          });
          return { userId: c.buyer.id, number: c.order.number };
        },
      ],
      [
        "claimer's address unverified",
        async () => {
          const c = await misspelled();
          await db.user.update({ where: { id: c.buyer.id }, data: { emailVerified: null } });
          return { userId: c.buyer.id, number: c.order.number };
        },
      ],
      [
        "free order",
        async () => {
          const c = await misspelled({ priceMinor: 0, cardLast4: null });
          return { userId: c.buyer.id, number: c.order.number, amount: "0" };
        },
      ],
      [
        "no card digits on the order",
        async () => {
          const c = await misspelled({ cardLast4: null });
          return { userId: c.buyer.id, number: c.order.number };
        },
      ],
    ];
    for (const [label, setUp] of cases) {
      const { userId, number, amount, last4 } = await setUp();
      const result = await claimOrder({ userId, form: answer(number, amount, last4) });
      expect([label, result]).toEqual([label, NO_MATCH]);
    }
  });

  it("does not let 20 wrong tries from other accounts stop the real buyer's claim", async () => {
    const { order, buyer, local } = await misspelled();
    for (let attempt = 0; attempt < 20; attempt++) {
      const other = await verifiedUser(`${local}@hotmai${attempt}.com`);
      expect(
        await claimOrder({
          userId: other.id,
          form: answer(order.number, "450", String(1000 + attempt)),
          clientAddress: `198.51.100.${attempt + 1}`,
        }),
      ).toEqual(NO_MATCH);
    }
    expect(await claimOrder({ userId: buyer.id, form: answer(order.number), clientAddress: "203.0.113.7" })).toMatchObject({ ok: true });
  });

  it("locks an account after its own wrong answers, and a client after wrong answers from many accounts", async () => {
    const { order, buyer } = await misspelled();
    for (let attempt = 0; attempt < CLAIM_USER_LIMIT.limit; attempt++) {
      expect(await claimOrder({ userId: buyer.id, form: answer(`${attempt}`.padStart(8, "Z")) })).toEqual(NO_MATCH);
    }
    expect(await claimOrder({ userId: buyer.id, form: answer(order.number) })).toEqual({ ok: false, error: "locked" });
    const later = new Date(Date.now() + CLAIM_USER_LIMIT.windowMs + 1000);
    expect(await claimOrder({ userId: buyer.id, form: answer(order.number), now: later })).toMatchObject({ ok: true });

    const client = `192.0.2.${Math.floor(Math.random() * 200) + 1}`;
    for (let attempt = 0; attempt < CLAIM_CLIENT_LIMIT.limit; attempt++) {
      const guesser = await verifiedUser(`guesser-${randomBytes(3).toString("hex")}@example.se`);
      expect(await claimOrder({ userId: guesser.id, form: answer("ZZZZZZZZ"), clientAddress: client })).toEqual(NO_MATCH);
    }
    const next = await verifiedUser(`guesser-${randomBytes(3).toString("hex")}@example.se`);
    expect(await claimOrder({ userId: next.id, form: answer("ZZZZZZZZ"), clientAddress: client })).toEqual({ ok: false, error: "locked" });
  });

  it("reports missing and malformed fields next to them", async () => {
    const buyer = await verifiedUser(`someone-${randomBytes(3).toString("hex")}@example.se`);
    expect(await claimOrder({ userId: buyer.id, form: { orderNumber: "", amount: "", last4: "" } })).toEqual({
      ok: false,
      error: "invalid_form",
      fieldErrors: { orderNumber: "required", amount: "required", last4: "required" },
    });
    expect(await claimOrder({ userId: buyer.id, form: { orderNumber: "ABC", amount: "450", last4: "42a2" } })).toEqual({
      ok: false,
      error: "invalid_form",
      fieldErrors: { last4: "invalid" },
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
