import { randomBytes } from "node:crypto";
import { databaseKind, useTestDatabase } from "../helpers/test-db";
import { db } from "@/lib/db/client";
import { addOrderToBuyerCookie, BUYER_ORDERS_MAX_AGE_MS, ordersInBuyerCookie } from "@/lib/orders/buyer-browser";
import { isValidOrderKey } from "@/lib/orders/order-links";
import {
  confirmOrderCorrection,
  CORRECTION_REQUESTS_PER_ORDER,
  findOrderCorrection,
  ORDER_CORRECTION_LIFETIME_MINUTES,
  requestOrderCorrection,
} from "@/lib/organizers/corrections/buyer-correction";
import { organizerWithTeam, paidOrder } from "./fixtures";

useTestDatabase();

async function justBought() {
  const team = await organizerWithTeam();
  const local = `greta.${randomBytes(3).toString("hex")}`;
  const order = await paidOrder(
    { eventId: team.event.id, ticketTypeId: team.ticketTypes[0].id },
    { email: `${local}@gmial.com`, quantity: 2 },
  );
  return { team, order, right: `${local}@gmail.com` };
}

/** The link's secret, as the recipient reads it from the email. */
async function linkTokenSentTo(email: string): Promise<string> {
  const sent = await db.outboxEmail.findFirstOrThrow({
    where: { to: email, template: "order-correction" },
    orderBy: { createdAt: "desc" },
  });
  const url = new URL((sent.payload as { confirmUrl: string }).confirmUrl);
  expect(url.pathname).toBe("/orders/correct");
  return url.searchParams.get("token")!;
}

describe("the buying browser's cookie", () => {
  it("vouches for the orders it names, for a day, and for nothing tampered with", () => {
    const now = new Date();
    const value = addOrderToBuyerCookie(addOrderToBuyerCookie(undefined, "order-a", now), "order-b", now);
    expect(ordersInBuyerCookie(value, now)).toEqual(new Set(["order-a", "order-b"]));
    expect(ordersInBuyerCookie(value, new Date(now.getTime() + BUYER_ORDERS_MAX_AGE_MS + 1000))).toEqual(new Set());
    expect(ordersInBuyerCookie(value.replace("order-a", "order-x"), now)).toEqual(new Set(["order-b"]));
    const [id, expires, signature] = value.split("~")[1].split(".");
    const longer = `${id}.${Number(expires) + 86_400}.${signature}`;
    expect(ordersInBuyerCookie(longer, now)).toEqual(new Set());
    expect(ordersInBuyerCookie("garbage", now)).toEqual(new Set());
  });

  it("keeps the newest five orders", () => {
    let value: string | undefined;
    for (let n = 1; n <= 7; n++) value = addOrderToBuyerCookie(value, `order-${n}`);
    expect(ordersInBuyerCookie(value)).toEqual(new Set(["order-3", "order-4", "order-5", "order-6", "order-7"]));
  });
});

describe(`requestOrderCorrection and confirmOrderCorrection (${databaseKind})`, () => {
  it("moves the order once the link sent to the corrected address is followed", async () => {
    const { order, right } = await justBought();
    const asked = await requestOrderCorrection({
      orderId: order.id,
      browserOrders: new Set([order.id]),
      email: ` ${right.toUpperCase()} `,
      locale: "sv",
    });
    expect(asked).toEqual({ ok: true, toEmail: right });
    // Nothing has moved yet: only a link went to the new address.
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).buyerEmail).toBe(order.buyerEmail);

    const token = await linkTokenSentTo(right);
    // Looking at the link (a mail scanner) uses nothing up.
    expect(await findOrderCorrection(token)).toEqual({ orderNumber: order.number, eventTitle: expect.any(String), toEmail: right });
    expect(await findOrderCorrection(token)).not.toBeNull();

    const confirmed = await confirmOrderCorrection({ token });
    expect(confirmed).toEqual({ ok: true, order: { id: order.id, number: order.number, buyerEmail: right } });
    const moved = await db.order.findUniqueOrThrow({ where: { id: order.id }, include: { tickets: true, user: true } });
    expect([moved.buyerEmail, moved.user?.email]).toEqual([right, right]);
    expect(moved.tickets.some((ticket) => order.tickets.some((old) => old.code === ticket.code))).toBe(false);
    if (confirmed.ok) expect(isValidOrderKey(confirmed.order, null)).toBe(false);
    expect(await db.orderEmailChange.findFirstOrThrow({ where: { orderId: order.id } })).toMatchObject({
      source: "buyer_correction",
      fromEmail: order.buyerEmail,
      toEmail: right,
      changedById: null,
      changedByEmail: right,
    });
    const toNew = await db.outboxEmail.findMany({ where: { to: right } });
    expect(toNew.map((email) => email.template).sort()).toEqual(["order-confirmation", "order-correction", "welcome"]);
    const notice = await db.outboxEmail.findFirstOrThrow({ where: { to: order.buyerEmail, template: "order-moved" } });
    expect(notice.payload).toMatchObject({ movedBy: "buyer" });
    expect(JSON.stringify(notice.payload)).not.toContain(right);

    // The link works once.
    expect(await confirmOrderCorrection({ token })).toEqual({ ok: false, error: "invalid_link" });
  });

  it("refuses a browser that did not buy the order, whatever it knows", async () => {
    const { order, right } = await justBought();
    expect(await requestOrderCorrection({ orderId: order.id, browserOrders: new Set(), email: right, locale: "sv" })).toEqual({
      ok: false,
      error: "closed",
    });
    expect(
      await requestOrderCorrection({ orderId: order.id, browserOrders: new Set(["another-order"]), email: right, locale: "sv" }),
    ).toEqual({ ok: false, error: "closed" });
    expect(await db.outboxEmail.count({ where: { to: right } })).toBe(0);
  });

  it("shows a bad address or the same address next to the field, and sends nothing", async () => {
    const { order } = await justBought();
    const browserOrders = new Set([order.id]);
    expect(await requestOrderCorrection({ orderId: order.id, browserOrders, email: "greta@", locale: "sv" })).toEqual({
      ok: false,
      error: "invalid_form",
      fieldErrors: { email: "invalid" },
    });
    expect(await requestOrderCorrection({ orderId: order.id, browserOrders, email: order.buyerEmail.toUpperCase(), locale: "sv" })).toEqual(
      {
        ok: false,
        error: "invalid_form",
        fieldErrors: { email: "same_email" },
      },
    );
    expect(await db.orderCorrectionRequest.count({ where: { orderId: order.id } })).toBe(0);
  });

  it("closes once a ticket is checked in or the event has started, before and after the link is sent", async () => {
    const checkedIn = await justBought();
    const browser = (id: string) => new Set([id]);
    await requestOrderCorrection({
      orderId: checkedIn.order.id,
      browserOrders: browser(checkedIn.order.id),
      email: checkedIn.right,
      locale: "sv",
    });
    const token = await linkTokenSentTo(checkedIn.right);
    await db.ticket.update({ where: { id: checkedIn.order.tickets[0].id }, data: { checkedInAt: new Date() } });
    expect(await confirmOrderCorrection({ token })).toEqual({ ok: false, error: "closed" });
    expect((await db.order.findUniqueOrThrow({ where: { id: checkedIn.order.id } })).buyerEmail).toBe(checkedIn.order.buyerEmail);
    expect(
      await requestOrderCorrection({
        orderId: checkedIn.order.id,
        browserOrders: browser(checkedIn.order.id),
        email: checkedIn.right,
        locale: "sv",
      }),
    ).toEqual({
      ok: false,
      error: "closed",
    });

    const started = await justBought();
    await requestOrderCorrection({
      orderId: started.order.id,
      browserOrders: browser(started.order.id),
      email: started.right,
      locale: "sv",
    });
    const lateToken = await linkTokenSentTo(started.right);
    const began = new Date(Date.now() - 60_000);
    await db.event.update({
      where: { id: started.team.event.id },
      data: { startsAt: began, endsAt: new Date(began.getTime() + 3 * 3600_000) },
    });
    expect(await confirmOrderCorrection({ token: lateToken })).toEqual({ ok: false, error: "closed" });
  });

  it("lets only the newest link work, and none after it expires", async () => {
    const { order, right } = await justBought();
    const browserOrders = new Set([order.id]);
    await requestOrderCorrection({ orderId: order.id, browserOrders, email: `x${right}`, locale: "sv" });
    const first = await linkTokenSentTo(`x${right}`);
    await requestOrderCorrection({ orderId: order.id, browserOrders, email: right, locale: "en" });
    const second = await linkTokenSentTo(right);
    expect(await confirmOrderCorrection({ token: first })).toEqual({ ok: false, error: "invalid_link" });
    const expired = new Date(Date.now() + ORDER_CORRECTION_LIFETIME_MINUTES * 60_000 + 1000);
    expect(await confirmOrderCorrection({ token: second, now: expired })).toEqual({ ok: false, error: "invalid_link" });
    expect(await confirmOrderCorrection({ token: "not-a-token" })).toEqual({ ok: false, error: "invalid_link" });
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).buyerEmail).toBe(order.buyerEmail);
  });

  it("voids a link whose order an organizer moved meanwhile", async () => {
    const { order, right, team } = await justBought();
    await requestOrderCorrection({ orderId: order.id, browserOrders: new Set([order.id]), email: right, locale: "sv" });
    const token = await linkTokenSentTo(right);
    const { correctOrderEmail } = await import("@/lib/organizers/corrections/order-correction");
    const organizerChoice = `other.${randomBytes(3).toString("hex")}@example.se`;
    await correctOrderEmail({
      userId: team.owner.id,
      organizerId: team.organizerId,
      orderId: order.id,
      email: organizerChoice,
      confirmation: organizerChoice,
    });
    expect(await confirmOrderCorrection({ token })).toEqual({ ok: false, error: "closed" });
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).buyerEmail).toBe(organizerChoice);
  });

  it("limits the links one order may send", async () => {
    const { order, right } = await justBought();
    const browserOrders = new Set([order.id]);
    for (let n = 0; n < CORRECTION_REQUESTS_PER_ORDER.limit; n++) {
      expect(await requestOrderCorrection({ orderId: order.id, browserOrders, email: `${n}${right}`, locale: "sv" })).toMatchObject({
        ok: true,
      });
    }
    expect(await requestOrderCorrection({ orderId: order.id, browserOrders, email: right, locale: "sv" })).toEqual({
      ok: false,
      error: "rate_limited",
    });
  });
});
