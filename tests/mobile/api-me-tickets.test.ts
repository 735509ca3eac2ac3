import { useTestDatabase } from "../helpers/test-db";
useTestDatabase();

import { randomBytes, randomUUID } from "node:crypto";
import { createEvent } from "../helpers/fixtures";
import { createAccessToken } from "@/lib/access-tokens/create-access-token";
import { revokeAccessToken } from "@/lib/access-tokens/revoke-access-token";
import { authenticateApiRequest, bearerToken } from "@/lib/api/authenticate-request";
import { myTicketResponse, myTicketsResponse } from "@/lib/api/me-tickets";
import { db } from "@/lib/db/client";
import { placeOrder } from "@/lib/orders/place-order";
import { testPaymentProvider } from "@/lib/payments/test-provider";

const noSession = async () => null;
const DAY = 86_400_000;

/** A buyer who bought two tickets as a guest (which makes the account), with their codes. */
async function buyerWithTickets() {
  const { event, ticketTypes } = await createEvent({ title: "Vårkonsert", ticketTypes: [{ name: "Parkett", priceMinor: 25_000 }] });
  const email = `api-${randomBytes(4).toString("hex")}@example.se`;
  const result = await placeOrder(
    {
      eventId: event.id,
      items: [{ ticketTypeId: ticketTypes[0].id, quantity: 2 }],
      buyer: { name: "Ebba Ek", email },
      marketingOptIn: false,
      locale: "sv",
      idempotencyKey: randomUUID(),
      card: { number: "4242 4242 4242 4242", expiry: "12/30", cvc: "123" },
    },
    { provider: testPaymentProvider() },
  );
  if (!result.ok) throw new Error(`purchase refused: ${result.refusal}`);
  const user = await db.user.findFirstOrThrow({ where: { email }, select: { id: true } });
  const tickets = await db.ticket.findMany({ where: { orderId: result.orderId }, select: { code: true } });
  return { userId: user.id, orderId: result.orderId, codes: tickets.map((ticket) => ticket.code), event };
}

async function tokenFor(userId: string, lifetime: "30" | "365" = "365", now?: Date) {
  const created = await createAccessToken({ userId, name: "Mobilappen", lifetime, now });
  if (!created.ok) throw new Error("no token");
  return created.created;
}

async function expectUnauthorized(response: Response) {
  expect(response.status).toBe(401);
  expect(response.headers.get("WWW-Authenticate")).toMatch(/^Bearer\b/);
  expect(response.headers.get("Cache-Control")).toBe("private, no-store");
  expect(await response.json()).toEqual({ error: { code: "unauthorized", message: expect.any(String) } });
}

describe("bearerToken", () => {
  it("reads the token of a Bearer header, in any case of the scheme", () => {
    expect(bearerToken(null)).toBeNull();
    expect(bearerToken("Bearer bt_abc")).toBe("bt_abc");
    expect(bearerToken("bearer  bt_abc ")).toBe("bt_abc");
    expect(bearerToken("Basic dXNlcjpwYXNz")).toBe("invalid");
    expect(bearerToken("Bearer")).toBe("invalid");
    expect(bearerToken("Bearer a b")).toBe("invalid");
  });
});

describe("authenticateApiRequest", () => {
  it("prefers a sent token over the session, and refuses a bad one even with a session", async () => {
    const { userId } = await buyerWithTickets();
    const other = await buyerWithTickets();
    const token = await tokenFor(userId);
    const sessionOfOther = async () => other.userId;
    expect(await authenticateApiRequest({ authorization: `Bearer ${token.token}`, sessionUserId: sessionOfOther })).toEqual({
      userId,
      via: "token",
    });
    expect(await authenticateApiRequest({ authorization: "Bearer bt_nonsense", sessionUserId: sessionOfOther })).toBeNull();
    expect(await authenticateApiRequest({ authorization: null, sessionUserId: sessionOfOther })).toEqual({
      userId: other.userId,
      via: "session",
    });
    expect(await authenticateApiRequest({ authorization: null, sessionUserId: noSession })).toBeNull();
  });
});

describe("GET /api/v1/me/tickets", () => {
  it("lists the signed-in user's orders and tickets by session", async () => {
    const { userId, orderId, codes } = await buyerWithTickets();
    const response = await myTicketsResponse({ authorization: null, sessionUserId: async () => userId });
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    const body = await response.json();
    expect(body.orders).toHaveLength(1);
    expect(body.orders[0]).toMatchObject({
      id: orderId,
      status: "PAID",
      buyerName: "Ebba Ek",
      totalMinor: 50_000,
      currency: "SEK",
      event: { title: "Vårkonsert", city: "Uppsala", timeZone: expect.any(String) },
    });
    expect(body.orders[0].tickets.map((ticket: { code: string }) => ticket.code).sort()).toEqual([...codes].sort());
    expect(body.orders[0].tickets[0]).toMatchObject({ typeName: "Parkett", status: "VALID", usable: true, checkedInAt: null });
    expect(body.orders[0].tickets[0].path).toBe(`/account/tickets/${body.orders[0].tickets[0].code}`);
  });

  it("lists them by bearer token, and records that the token was used", async () => {
    const { userId, codes } = await buyerWithTickets();
    const token = await tokenFor(userId);
    const response = await myTicketsResponse({ authorization: `Bearer ${token.token}`, sessionUserId: noSession });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.orders[0].tickets).toHaveLength(codes.length);
    const row = await db.personalAccessToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(row.lastUsedAt).toBeInstanceOf(Date);
  });

  it("answers 401 with WWW-Authenticate without a session or token", async () => {
    await expectUnauthorized(await myTicketsResponse({ authorization: null, sessionUserId: noSession }));
  });

  it("answers 401 to garbage, a token never issued, another scheme", async () => {
    for (const authorization of ["Bearer garbage", `Bearer bt_${randomBytes(32).toString("base64url")}`, "Basic dXNlcjpwYXNz", "Bearer "]) {
      await expectUnauthorized(await myTicketsResponse({ authorization, sessionUserId: noSession }));
    }
  });

  it("answers 401 to a revoked token, from the very next request", async () => {
    const { userId } = await buyerWithTickets();
    const token = await tokenFor(userId);
    const authorization = `Bearer ${token.token}`;
    expect((await myTicketsResponse({ authorization, sessionUserId: noSession })).status).toBe(200);
    await revokeAccessToken({ userId, tokenId: token.id });
    await expectUnauthorized(await myTicketsResponse({ authorization, sessionUserId: noSession }));
  });

  it("answers 401 to an expired token", async () => {
    const { userId } = await buyerWithTickets();
    const token = await tokenFor(userId, "30", new Date(Date.now() - 31 * DAY));
    await expectUnauthorized(await myTicketsResponse({ authorization: `Bearer ${token.token}`, sessionUserId: noSession }));
  });

  it("gives a user without purchases an empty list", async () => {
    const user = await db.user.create({ data: { email: `tom-${randomBytes(4).toString("hex")}@example.se` } });
    const response = await myTicketsResponse({ authorization: null, sessionUserId: async () => user.id });
    expect(await response.json()).toEqual({ orders: [] });
  });
});

describe("GET /api/v1/me/tickets/[code]", () => {
  it("shows one of the caller's tickets with its order and event, by token and by session", async () => {
    const { userId, orderId, codes } = await buyerWithTickets();
    const token = await tokenFor(userId);
    for (const credentials of [
      { authorization: `Bearer ${token.token}`, sessionUserId: noSession },
      { authorization: null, sessionUserId: async () => userId },
    ]) {
      const response = await myTicketResponse(codes[0], credentials);
      expect(response.status).toBe(200);
      expect(response.headers.get("Cache-Control")).toBe("private, no-store");
      expect(await response.json()).toEqual({
        ticket: expect.objectContaining({
          code: codes[0],
          typeName: "Parkett",
          usable: true,
          order: expect.objectContaining({ id: orderId, status: "PAID" }),
          event: expect.objectContaining({ title: "Vårkonsert" }),
        }),
      });
    }
  });

  it("answers another user's ticket exactly like an unknown one: 404", async () => {
    const owner = await buyerWithTickets();
    const other = await buyerWithTickets();
    const token = await tokenFor(other.userId);
    const someoneElses = await myTicketResponse(owner.codes[0], { authorization: `Bearer ${token.token}`, sessionUserId: noSession });
    const unknown = await myTicketResponse("NOSUCHCODE1234", { authorization: `Bearer ${token.token}`, sessionUserId: noSession });
    const bySession = await myTicketResponse(owner.codes[0], { authorization: null, sessionUserId: async () => other.userId });
    for (const response of [someoneElses, unknown, bySession]) {
      expect(response.status).toBe(404);
      expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    }
    const bodies = await Promise.all([someoneElses.json(), unknown.json(), bySession.json()]);
    expect(bodies[0]).toEqual({ error: { code: "not_found", message: expect.any(String) } });
    expect(bodies[1]).toEqual(bodies[0]);
    expect(bodies[2]).toEqual(bodies[0]);
  });

  it("answers 401 before looking at the code", async () => {
    const { codes } = await buyerWithTickets();
    await expectUnauthorized(await myTicketResponse(codes[0], { authorization: null, sessionUserId: noSession }));
    await expectUnauthorized(await myTicketResponse(codes[0], { authorization: "Bearer bt_revoked", sessionUserId: noSession }));
  });
});
