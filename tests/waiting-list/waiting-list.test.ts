import { randomUUID } from "node:crypto";
import { databaseKind, useTestDatabase } from "../helpers/test-db";
import { createEvent } from "../helpers/fixtures";
import { db } from "@/lib/db/client";
import { placeOrder, type PlaceOrderInput } from "@/lib/orders/place-order";
import { testPaymentProvider } from "@/lib/payments/test-provider";
import { joinWaitingList, leaveWaitingList } from "@/lib/waiting-list/join";
import { offerReturnedTickets, sweepWaitingLists } from "@/lib/waiting-list/offers";
import { isValidWaitingListKey, leavePath, offerPath } from "@/lib/waiting-list/links";
import { offerForCheckout } from "@/lib/waiting-list/checkout-offer";
import { runHousekeeping } from "@/lib/maintenance/housekeeping";
import { resolveStoredEmail } from "@/emails/registry";
import { renderOutboxEmail } from "@/emails/render";

useTestDatabase();

const provider = testPaymentProvider();
const GOOD_CARD = { number: "4242 4242 4242 4242", expiry: "12/30", cvc: "123" };
const DECLINED_CARD = { number: "4000 0000 0000 0002", expiry: "12/30", cvc: "123" };

async function soldOutType(capacity = 2) {
  const { event, ticketTypes } = await createEvent({ ticketTypes: [{ capacity, sold: capacity, maxPerOrder: 4 }] });
  return { event, type: ticketTypes[0] };
}

function join(slug: string, ticketTypeId: string, email: string, quantity = 1, clientAddress = "203.0.113.9") {
  return joinWaitingList({ eventSlug: slug, ticketTypeId, email, quantity, locale: "sv", clientAddress });
}

async function entries(ticketTypeId: string) {
  return db.waitingListEntry.findMany({ where: { ticketTypeId }, orderBy: { joinedAt: "asc" } });
}

async function stock(ticketTypeId: string) {
  const { sold, held, capacity } = await db.ticketType.findUniqueOrThrow({ where: { id: ticketTypeId } });
  return { sold, held, capacity };
}

function order(eventId: string, ticketTypeId: string, overrides: Partial<PlaceOrderInput> = {}): PlaceOrderInput {
  return {
    eventId,
    items: [{ ticketTypeId, quantity: 1 }],
    buyer: { name: "Kalle Anka", email: `kalle-${randomUUID().slice(0, 8)}@example.se` },
    marketingOptIn: false,
    locale: "sv",
    idempotencyKey: randomUUID(),
    card: GOOD_CARD,
    ...overrides,
  };
}

/** What a refund or a cancellation does to a type: sold admissions go back. */
async function returnSold(ticketTypeId: string, quantity: number) {
  await db.$executeRaw`UPDATE "TicketType" SET "sold" = "sold" - ${quantity} WHERE "id" = ${ticketTypeId}::uuid`;
}

describe(`joinWaitingList (${databaseKind})`, () => {
  it("puts a new address in line once, answers the same when it is already there, and emails only the first time", async () => {
    const { event, type } = await soldOutType();
    expect(await join(event.slug, type.id, " Greta@Example.se ", 2)).toEqual({ ok: true });
    expect(await join(event.slug, type.id, "greta@example.se", 3)).toEqual({ ok: true });
    const [entry] = await entries(type.id);
    expect(entry).toMatchObject({ email: "greta@example.se", quantity: 2, status: "WAITING" });
    const emails = await db.outboxEmail.findMany({ where: { template: "waiting-list-joined", to: "greta@example.se" } });
    expect(emails).toHaveLength(1);
  });

  it("refuses a bad address, a quantity above the per-order limit, and a type that is not sold out", async () => {
    const { event, type } = await soldOutType();
    expect(await join(event.slug, type.id, "not-an-address")).toEqual({ ok: false, error: "invalid_email" });
    expect(await join(event.slug, type.id, "a@example.se", 5)).toEqual({ ok: false, error: "invalid_quantity", max: 4 });
    const open = await createEvent({ ticketTypes: [{ capacity: 5 }] });
    expect(await join(open.event.slug, open.ticketTypes[0].id, "a@example.se")).toEqual({ ok: false, error: "not_sold_out" });
    expect(await join("no-such-event", type.id, "a@example.se")).toEqual({ ok: false, error: "unavailable" });
  });

  it("limits joins per address", async () => {
    const { event, type } = await soldOutType();
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await join(event.slug, type.id, "busy@example.se", 1, `198.51.100.${i}`));
    expect(answers.slice(0, 5).every((answer) => answer.ok)).toBe(true);
    expect(answers[5]).toEqual({ ok: false, error: "rate_limited" });
  });
});

describe(`offers when tickets come back (${databaseKind})`, () => {
  it("holds returned tickets for the first in line that fit, in the statement that returned them", async () => {
    const { event, type } = await soldOutType(4);
    await join(event.slug, type.id, "first@example.se", 2);
    await join(event.slug, type.id, "second@example.se", 3);
    await join(event.slug, type.id, "third@example.se", 1);

    await returnSold(type.id, 3);

    // 3 free: the first (2) fits, the second (3) does not and keeps its place, the third (1) fits.
    const after = await entries(type.id);
    expect(after.map((entry) => [entry.email, entry.status])).toEqual([
      ["first@example.se", "OFFERED"],
      ["second@example.se", "WAITING"],
      ["third@example.se", "OFFERED"],
    ]);
    expect(await stock(type.id)).toEqual({ capacity: 4, sold: 1, held: 3 });
    const offerEmails = await db.outboxEmail.findMany({
      where: { template: "waiting-list-offer", to: { in: after.map((entry) => entry.email) } },
    });
    expect(offerEmails.map((email) => email.to).sort()).toEqual(["first@example.se", "third@example.se"]);
  });

  it("offers a raised capacity, and offerReturnedTickets offers nothing twice", async () => {
    const { event, type } = await soldOutType(2);
    await join(event.slug, type.id, "a@example.se", 1);
    await db.ticketType.update({ where: { id: type.id }, data: { capacity: 3 } });
    expect((await entries(type.id))[0].status).toBe("OFFERED");
    expect(await offerReturnedTickets([type.id])).toBe(0);
    expect(await stock(type.id)).toEqual({ capacity: 3, sold: 2, held: 1 });
  });

  it("keeps offered tickets from other buyers, and sells them through the offer's link only", async () => {
    const { event, type } = await soldOutType(2);
    await join(event.slug, type.id, "waiting@example.se", 1);
    await returnSold(type.id, 1);
    const [entry] = await entries(type.id);

    expect(await placeOrder(order(event.id, type.id), { provider })).toMatchObject({ ok: false, refusal: "sold_out" });

    const bought = await placeOrder(order(event.id, type.id, { waitingListEntryId: entry.id }), { provider });
    expect(bought).toMatchObject({ ok: true, status: "PAID" });
    expect(await stock(type.id)).toEqual({ capacity: 2, sold: 2, held: 0 });
    expect((await entries(type.id))[0]).toMatchObject({ status: "CLAIMED" });
    // The link is used up.
    const again = await placeOrder(order(event.id, type.id, { waitingListEntryId: entry.id }), { provider });
    expect(again).toMatchObject({ ok: false, refusal: "sold_out" });
  });

  it("gives the offer back after a declined card, and passes the unbought rest to the next in line", async () => {
    const { event, type } = await soldOutType(3);
    await join(event.slug, type.id, "two@example.se", 2);
    await join(event.slug, type.id, "one@example.se", 1);
    await returnSold(type.id, 2);
    const [two] = await entries(type.id);

    const declined = await placeOrder(
      order(event.id, type.id, { waitingListEntryId: two.id, card: DECLINED_CARD, items: [{ ticketTypeId: type.id, quantity: 2 }] }),
      { provider },
    );
    expect(declined).toMatchObject({ ok: false, refusal: "payment_declined" });
    expect((await entries(type.id))[0]).toMatchObject({ status: "OFFERED", quantity: 2 });
    expect(await stock(type.id)).toEqual({ capacity: 3, sold: 1, held: 2 });

    // One of the two bought: the other goes to the next in line at once.
    const bought = await placeOrder(order(event.id, type.id, { waitingListEntryId: two.id }), { provider });
    expect(bought).toMatchObject({ ok: true, status: "PAID" });
    const after = await entries(type.id);
    expect(after.map((entry) => [entry.email, entry.status])).toEqual([
      ["two@example.se", "CLAIMED"],
      ["one@example.se", "OFFERED"],
    ]);
    expect(await stock(type.id)).toEqual({ capacity: 3, sold: 2, held: 1 });
  });

  it("lets an unused offer lapse after 30 minutes and passes it on, or back on sale when nobody waits", async () => {
    const { event, type } = await soldOutType(2);
    await join(event.slug, type.id, "slow@example.se", 1);
    await join(event.slug, type.id, "next@example.se", 1);
    await returnSold(type.id, 1);
    const later = new Date(Date.now() + 31 * 60_000);

    const report = await runHousekeeping(later);
    expect(report.waitingListOffers).toBeGreaterThanOrEqual(1);
    expect((await entries(type.id)).map((entry) => entry.status)).toEqual(["LAPSED", "OFFERED"]);
    expect(await stock(type.id)).toEqual({ capacity: 2, sold: 1, held: 1 });

    const muchLater = new Date(Date.now() + 62 * 60_000);
    await sweepWaitingLists(muchLater);
    expect((await entries(type.id)).map((entry) => entry.status)).toEqual(["LAPSED", "LAPSED"]);
    expect(await stock(type.id)).toEqual({ capacity: 2, sold: 1, held: 0 });
  });

  it("offers an expired checkout hold to the list before any buyer can take it", async () => {
    const { event, type } = await soldOutType(2);
    await returnSold(type.id, 1);
    const redirect = {
      id: "redirect-test",
      flow: "redirect" as const,
      paymentCard: async () => null,
      closeCheckout: async () => "closed" as const,
      createCheckout: async (input: { orderId: string }) => ({ url: `https://pay.example/${input.orderId}`, reference: input.orderId }),
      refund: async (): Promise<never> => {
        throw new Error("no refunds in this test");
      },
    };
    expect(await placeOrder(order(event.id, type.id, { card: undefined }), { provider: redirect })).toMatchObject({ status: "PENDING" });
    await join(event.slug, type.id, "patient@example.se", 1);

    // An hour later another buyer finds the type "sold out": its expired hold is released, and
    // in the same statement offered to the list, so the buyer still hears "sold out".
    const later = new Date(Date.now() + 60 * 60_000);
    expect(await placeOrder(order(event.id, type.id), { provider, now: later })).toMatchObject({ ok: false, refusal: "sold_out" });
    expect((await entries(type.id))[0].status).toBe("OFFERED");
  });
});

describe(`leaving and the links (${databaseKind})`, () => {
  it("leaves only with the leave link's key, passing an open offer on", async () => {
    const { event, type } = await soldOutType(2);
    await join(event.slug, type.id, "leaver@example.se", 1);
    await join(event.slug, type.id, "stayer@example.se", 1);
    await returnSold(type.id, 1);
    const [leaver] = await entries(type.id);
    const target = { id: leaver.id, email: leaver.email };
    const leaveKey = new URL(leavePath(target), "http://x").searchParams.get("key")!;
    const offerKey = new URL(offerPath(target, event.slug), "http://x").searchParams.get("key")!;

    expect(isValidWaitingListKey("leave", target, offerKey)).toBe(false);
    expect(await leaveWaitingList(leaver.id, offerKey)).toBe(false);
    expect(await leaveWaitingList(leaver.id, leaveKey)).toBe(true);
    expect((await entries(type.id)).map((entry) => entry.status)).toEqual(["LEFT", "OFFERED"]);
    expect(await leaveWaitingList(leaver.id, leaveKey)).toBe(true);
  });

  it("finds an open offer only with its own key", async () => {
    const { event, type } = await soldOutType(1);
    await join(event.slug, type.id, "o@example.se", 1);
    await returnSold(type.id, 1);
    const [entry] = await entries(type.id);
    const key = new URL(offerPath({ id: entry.id, email: entry.email }, event.slug), "http://x").searchParams.get("key")!;
    expect(await offerForCheckout({ waitingListEntry: entry.id, waitingListKey: key })).toMatchObject({ entryId: entry.id, quantity: 1 });
    // Another first character: always a different key (the last one may equal the replacement,
    // and in base64 its low bits are padding).
    const wrongKey = `${key.startsWith("A") ? "B" : "A"}${key.slice(1)}`;
    expect(await offerForCheckout({ waitingListEntry: entry.id, waitingListKey: wrongKey })).toBeNull();
    expect(await offerForCheckout({})).toBeUndefined();
  });

  it("renders the offer email from its entry, with working links, and drops it once the offer is gone", async () => {
    const { event, type } = await soldOutType(1);
    await join(event.slug, type.id, "mail@example.se", 1);
    await returnSold(type.id, 1);
    const row = await db.outboxEmail.findFirstOrThrow({ where: { template: "waiting-list-offer", to: "mail@example.se" } });
    const email = await renderOutboxEmail(await resolveStoredEmail(row));
    const [entry] = await entries(type.id);
    expect(email.html).toContain(`/events/${event.slug}/checkout/offer?entry=${entry.id}&amp;key=`);
    expect(email.html).toContain(`/waiting-list/leave?entry=${entry.id}&amp;key=`);
    expect(email.subject).toContain(event.title);

    await db.$queryRaw`SELECT "waiting_list_leave"(${entry.id}::uuid)`;
    await expect(resolveStoredEmail(row)).rejects.toMatchObject({ permanent: true });
  });
});
