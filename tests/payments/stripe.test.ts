import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import Stripe from "stripe";

const WEBHOOK_SECRET = "whsec_test_secret_for_signatures";
process.env.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET;

import { databaseKind, useTestDatabase } from "../helpers/test-db";
import { createEvent } from "../helpers/fixtures";
import { db } from "@/lib/db/client";
import { cancelPendingOrder } from "@/lib/orders/cancel-order";
import { placeOrder, releaseExpiredHolds } from "@/lib/orders/place-order";
import { statementDescriptorSuffix, stripeProvider } from "@/lib/payments/stripe";
import { handleStripeEvent, verifyStripeSignature, WebhookSignatureError, type StripeEvent } from "@/lib/payments/stripe-webhook";
import { stopOutboxSender } from "@/lib/outbox/in-app";
import { POST } from "@/app/api/payments/stripe/webhook/route";
import { cancelTickets } from "@/lib/refunds/cancel-tickets";
import { completeDueRefunds, REFUND_CONFIRMATION_CHECK_MS, REFUND_LEASE_MS } from "@/lib/refunds/complete-refund";
import { getOrderRefundView } from "@/lib/refunds/queries";

useTestDatabase();

/** Signs as Stripe does, with the SDK's own test helper. */
function signStripePayload(payload: string, secret: string, timestamp: number): string {
  return Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp });
}

// Stripe's API, played by a local HTTP server: it records each request as Stripe would see it.
type Recorded = { method: string; path: string; headers: IncomingMessage["headers"]; form: URLSearchParams };
let stripeApi: Server;
let apiBase: string;
const requests: Recorded[] = [];
type Answer = { status: number; body: unknown; delayMs?: number };
let answer: Answer = { status: 200, body: {} };
/** Answers for particular requests (method and path); the rest get `answer`. */
let answerFor: (method: string, path: string) => Answer | undefined = () => undefined;

beforeAll(async () => {
  stripeApi = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      requests.push({ method: req.method ?? "", path: req.url ?? "", headers: req.headers, form: new URLSearchParams(body) });
      const special = answerFor(req.method ?? "", req.url ?? "");
      const sessionId = `cs_test_${randomUUID().replace(/-/g, "")}`;
      const payload = special
        ? special.body
        : answer.status === 200
          ? { id: sessionId, url: `https://checkout.stripe.test/c/pay/${sessionId}`, object: "checkout.session" }
          : answer.body;
      const reply = () => {
        res.writeHead(special?.status ?? answer.status, { "content-type": "application/json" });
        res.end(JSON.stringify(payload));
      };
      const delayMs = special?.delayMs ?? answer.delayMs;
      if (delayMs) setTimeout(reply, delayMs);
      else reply();
    });
  });
  await new Promise<void>((resolve) => stripeApi.listen(0, "127.0.0.1", resolve));
  apiBase = `http://127.0.0.1:${(stripeApi.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await stopOutboxSender();
  await new Promise<void>((resolve) => stripeApi.close(() => resolve()));
});
beforeEach(() => {
  requests.length = 0;
  answer = { status: 200, body: {} };
  answerFor = () => undefined;
});

const provider = () => stripeProvider({ secretKey: "sk_test_123", apiBase });

async function pendingStripeOrder(quantity = 2) {
  const { event, ticketTypes } = await createEvent({ ticketTypes: [{ name: "Ståplats", priceMinor: 29_500, capacity: 10 }] });
  const result = await placeOrder(
    {
      eventId: event.id,
      items: [{ ticketTypeId: ticketTypes[0].id, quantity }],
      buyer: { name: "Lisa Larsson", email: `lisa-${randomUUID().slice(0, 8)}@example.se` },
      marketingOptIn: true,
      locale: "en",
      idempotencyKey: randomUUID(),
    },
    { provider: provider() },
  );
  if (!result.ok || result.status !== "PENDING") throw new Error(`expected a pending order, got ${JSON.stringify(result)}`);
  const order = await db.order.findUniqueOrThrow({ where: { id: result.orderId } });
  return { result, order, ticketType: ticketTypes[0] };
}

function sessionEvent(
  type: string,
  order: { id: string; paymentRef: string | null; totalMinor: number },
  overrides: object = {},
): StripeEvent {
  return {
    id: `evt_${randomUUID().slice(0, 12)}`,
    type,
    data: {
      object: {
        id: order.paymentRef,
        object: "checkout.session",
        client_reference_id: order.id,
        metadata: { orderId: order.id },
        payment_status: "paid",
        payment_intent: "pi_test_123",
        amount_total: order.totalMinor,
        currency: "sek",
        ...overrides,
      },
    },
  };
}

function signedRequest(event: StripeEvent, { secret = WEBHOOK_SECRET, timestamp = Math.floor(Date.now() / 1000) } = {}) {
  const body = JSON.stringify(event);
  return new Request("http://localhost:3000/api/payments/stripe/webhook", {
    method: "POST",
    headers: { "content-type": "application/json", "stripe-signature": signStripePayload(body, secret, timestamp) },
    body,
  });
}

describe("verifyStripeSignature", () => {
  const payload = JSON.stringify({ id: "evt_1", type: "checkout.session.completed", data: { object: {} } });
  const now = Date.now();
  const t = Math.floor(now / 1000);

  it("accepts a payload signed with the endpoint's secret", () => {
    expect(verifyStripeSignature(payload, signStripePayload(payload, WEBHOOK_SECRET, t), WEBHOOK_SECRET, { now }).id).toBe("evt_1");
  });

  it("accepts any matching v1 signature among several (during a secret rotation)", () => {
    const header = `t=${t},v1=${"0".repeat(64)},${signStripePayload(payload, WEBHOOK_SECRET, t).split(",")[1]}`;
    expect(verifyStripeSignature(payload, header, WEBHOOK_SECRET, { now }).id).toBe("evt_1");
  });

  it.each([
    ["another secret", () => signStripePayload(payload, "whsec_other", t), payload],
    ["a changed body", () => signStripePayload(payload, WEBHOOK_SECRET, t), payload.replace("evt_1", "evt_2")],
    ["an old timestamp", () => signStripePayload(payload, WEBHOOK_SECRET, t - 600), payload],
    ["no v1 signature", () => `t=${t}`, payload],
    ["a missing header", () => null, payload],
  ])("refuses %s", (_what, header, body) => {
    expect(() => verifyStripeSignature(body, header(), WEBHOOK_SECRET, { now })).toThrow(WebhookSignatureError);
  });
});

describe("statementDescriptorSuffix", () => {
  it("is the order number, which Stripe shows after the account's prefix", () => {
    expect(statementDescriptorSuffix("7KX2M9QD")).toBe("7KX2M9QD");
  });

  it("puts letters before an order number of digits only, as Stripe wants a letter", () => {
    expect(statementDescriptorSuffix("12345678")).toBe("NR12345678");
  });

  it("stays within ten characters of letters and digits", () => {
    for (const number of ["7KX2M9QD", "12345678", "ab<c>*'9"]) {
      expect(statementDescriptorSuffix(number)).toMatch(/^(?=.*[A-Z])[0-9A-Z]{1,10}$/);
    }
  });
});

describe(`Stripe Checkout (${databaseKind})`, () => {
  it("creates a Checkout Session with the server's prices and holds the tickets", async () => {
    const { result, order, ticketType } = await pendingStripeOrder();

    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request.path).toBe("/v1/checkout/sessions");
    expect(request.headers.authorization).toBe("Bearer sk_test_123");
    expect(request.headers["idempotency-key"]).toMatch(/^checkout-/);
    expect(Object.fromEntries(request.form)).toMatchObject({
      mode: "payment",
      client_reference_id: order.id,
      locale: "en",
      "metadata[orderId]": order.id,
      // The order number on the buyer's card statement.
      "payment_intent_data[statement_descriptor_suffix]": statementDescriptorSuffix(order.number),
      "line_items[0][quantity]": "2",
      "line_items[0][price_data][currency]": "sek",
      "line_items[0][price_data][unit_amount]": "29500",
      "line_items[0][price_data][product_data][name]": "Ståplats",
    });
    expect(request.form.get("success_url")).toMatch(new RegExp(`/orders/${order.id}\\?key=`));
    expect(request.form.get("cancel_url")).toMatch(new RegExp(`/orders/${order.id}/cancel\\?key=`));
    expect(result.redirectUrl).toMatch(/^https:\/\/checkout\.stripe\.test\//);
    expect(order).toMatchObject({ status: "PENDING", paymentProvider: "stripe" });
    expect((await db.ticketType.findUniqueOrThrow({ where: { id: ticketType.id } })).held).toBe(2);
  });

  it("releases the hold and tells the buyer when Stripe cannot create a session", async () => {
    answer = { status: 500, body: { error: { message: "boom" } } };
    const { event, ticketTypes } = await createEvent();
    const result = await placeOrder(
      {
        eventId: event.id,
        items: [{ ticketTypeId: ticketTypes[0].id, quantity: 1 }],
        buyer: { name: "Per", email: "per@example.se" },
        marketingOptIn: false,
        locale: "sv",
        idempotencyKey: randomUUID(),
      },
      { provider: provider() },
    );
    expect(result).toEqual({ ok: false, refusal: "payment_unavailable" });
    expect((await db.ticketType.findUniqueOrThrow({ where: { id: ticketTypes[0].id } })).held).toBe(0);
  });

  it("retries a session Stripe failed to create with the same idempotency key, so it is created once", async () => {
    let failed = false;
    answerFor = (method, path) => {
      if (failed || method !== "POST" || path !== "/v1/checkout/sessions") return undefined;
      failed = true;
      return { status: 503, body: { error: { type: "api_error", message: "try again" } } };
    };
    const { result } = await pendingStripeOrder();
    expect(requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      "POST /v1/checkout/sessions",
      "POST /v1/checkout/sessions",
    ]);
    expect(requests[1].headers["idempotency-key"]).toMatch(/^checkout-/);
    expect(requests[1].headers["idempotency-key"]).toBe(requests[0].headers["idempotency-key"]);
    expect(result.redirectUrl).toMatch(/^https:\/\/checkout\.stripe\.test\//);
  });

  it("releases the hold when Stripe does not answer in time", async () => {
    answer = { status: 200, body: {}, delayMs: 1_000 };
    const { event, ticketTypes } = await createEvent();
    const result = await placeOrder(
      {
        eventId: event.id,
        items: [{ ticketTypeId: ticketTypes[0].id, quantity: 1 }],
        buyer: { name: "Per", email: "per@example.se" },
        marketingOptIn: false,
        locale: "sv",
        idempotencyKey: randomUUID(),
      },
      { provider: stripeProvider({ secretKey: "sk_test_123", apiBase, timeoutMs: 200, maxNetworkRetries: 0 }) },
    );
    expect(result).toEqual({ ok: false, refusal: "payment_unavailable" });
    expect((await db.ticketType.findUniqueOrThrow({ where: { id: ticketTypes[0].id } })).held).toBe(0);
  });

  it("completes the order on a signed checkout.session.completed, once", async () => {
    const { order, ticketType } = await pendingStripeOrder();
    const event = sessionEvent("checkout.session.completed", order);

    const response = await POST(signedRequest(event));

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: true, outcome: "completed" });
    const paid = await db.order.findUniqueOrThrow({ where: { id: order.id }, include: { tickets: true } });
    expect(paid).toMatchObject({ status: "PAID", paymentRef: order.paymentRef, cardLast4: null });
    expect(paid.tickets).toHaveLength(2);
    expect(await db.ticketType.findUniqueOrThrow({ where: { id: ticketType.id } })).toMatchObject({ sold: 2, held: 0 });
    // Stripe delivers again: nothing changes.
    expect(await (await POST(signedRequest(event))).json()).toEqual({ received: true, outcome: "already_handled" });
    expect(await db.ticket.count({ where: { orderId: order.id } })).toBe(2);
    expect(await db.outboxEmail.count({ where: { template: "order-confirmation", to: paid.buyerEmail } })).toBe(1);
  });

  it("keeps the brand and last four digits of the card Stripe says paid, for a later claim", async () => {
    const { order } = await pendingStripeOrder();
    answerFor = (method, path) =>
      method === "GET" && path.startsWith("/v1/payment_intents/pi_test_123")
        ? {
            status: 200,
            body: {
              id: "pi_test_123",
              latest_charge: { id: "ch_1", payment_method_details: { type: "card", card: { brand: "mastercard", last4: "4444" } } },
            },
          }
        : undefined;
    const outcome = await handleStripeEvent(sessionEvent("checkout.session.completed", order), () => {}, {
      paymentCard: (id) => provider().paymentCard(id),
    });
    expect(outcome).toBe("completed");
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({
      status: "PAID",
      cardBrand: "mastercard",
      cardLast4: "4444",
    });
    const asked = requests.find((request) => request.path.startsWith("/v1/payment_intents/"));
    // The SDK numbers array items (expand[0]); Stripe reads expand[] and expand[0] alike.
    expect(asked?.path).toBe("/v1/payment_intents/pi_test_123?expand[0]=latest_charge");
    expect(asked?.headers.authorization).toBe("Bearer sk_test_123");
  });

  it("completes the order without card digits when Stripe cannot say which card paid", async () => {
    const { order } = await pendingStripeOrder();
    answerFor = (method, path) =>
      path.startsWith("/v1/payment_intents/") ? { status: 500, body: { error: { message: "down" } } } : undefined;
    const lines: string[] = [];
    const outcome = await handleStripeEvent(sessionEvent("checkout.session.completed", order), (line) => lines.push(line), {
      paymentCard: (id) => provider().paymentCard(id),
    });
    expect(outcome).toBe("completed");
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: "PAID", cardLast4: null });
    expect(lines.join("\n")).toContain("card of order");
  });

  it("refuses an unsigned or wrongly signed request, and changes nothing", async () => {
    const { order } = await pendingStripeOrder();
    const event = sessionEvent("checkout.session.completed", order);
    expect((await POST(signedRequest(event, { secret: "whsec_forged" }))).status).toBe(400);
    const unsigned = new Request("http://localhost:3000/api/payments/stripe/webhook", { method: "POST", body: JSON.stringify(event) });
    expect((await POST(unsigned)).status).toBe(400);
    expect((await POST(signedRequest(event, { timestamp: Math.floor(Date.now() / 1000) - 3600 }))).status).toBe(400);
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("PENDING");
  });

  it("does not complete an order for a session of another amount or another order", async () => {
    const { order } = await pendingStripeOrder();
    expect(await handleStripeEvent(sessionEvent("checkout.session.completed", order, { amount_total: 100 }), () => {})).toBe("mismatch");
    expect(await handleStripeEvent(sessionEvent("checkout.session.completed", order, { id: "cs_test_other" }), () => {})).toBe("mismatch");
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("PENDING");
  });

  it("waits for an asynchronous payment method instead of completing early", async () => {
    const { order } = await pendingStripeOrder();
    expect(await handleStripeEvent(sessionEvent("checkout.session.completed", order, { payment_status: "unpaid" }))).toBe("ignored");
    expect(await handleStripeEvent(sessionEvent("checkout.session.async_payment_succeeded", order))).toBe("completed");
  });

  it("closes the Stripe page before it releases the tickets of a buyer who cancels", async () => {
    const { order, ticketType } = await pendingStripeOrder();
    requests.length = 0;
    expect(await cancelPendingOrder(order.id, provider())).toBe("cancelled");
    expect(requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      `POST /v1/checkout/sessions/${order.paymentRef}/expire`,
    ]);
    expect(requests[0].headers.authorization).toBe("Bearer sk_test_123");
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: "FAILED" });
    expect((await db.ticketType.findUniqueOrThrow({ where: { id: ticketType.id } })).held).toBe(0);
  });

  it("keeps the tickets of a buyer who cancels after paying on the Stripe page already", async () => {
    const { order, ticketType } = await pendingStripeOrder();
    answerFor = (method, path) =>
      method === "POST" && path.endsWith("/expire")
        ? { status: 400, body: { error: { message: "Only Checkout Sessions with a status of `open` can be expired." } } }
        : method === "GET"
          ? { status: 200, body: { id: order.paymentRef, object: "checkout.session", status: "complete", payment_status: "paid" } }
          : undefined;
    expect(await cancelPendingOrder(order.id, provider())).toBe("payment_in_progress");
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: "PENDING" });
    expect((await db.ticketType.findUniqueOrThrow({ where: { id: ticketType.id } })).held).toBe(2);
    // The webhook then completes the order as usual.
    expect(await handleStripeEvent(sessionEvent("checkout.session.completed", order))).toBe("completed");
  });

  it("keeps the hold while Stripe cannot close its page, and releases it once it can", async () => {
    const { order, ticketType } = await pendingStripeOrder();
    answerFor = () => ({ status: 503, body: { error: { message: "unavailable" } } });
    expect(await cancelPendingOrder(order.id, provider())).toBe("provider_unavailable");
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: "PENDING" });
    expect((await db.ticketType.findUniqueOrThrow({ where: { id: ticketType.id } })).held).toBe(2);

    answerFor = (method) => (method === "POST" ? { status: 400, body: {} } : { status: 200, body: { status: "expired" } });
    expect(await cancelPendingOrder(order.id, provider())).toBe("cancelled");
    expect((await db.ticketType.findUniqueOrThrow({ where: { id: ticketType.id } })).held).toBe(0);
  });

  it("puts the tickets back on sale when the session expires", async () => {
    const { order, ticketType } = await pendingStripeOrder();
    expect(await handleStripeEvent(sessionEvent("checkout.session.expired", order, { payment_status: "unpaid" }))).toBe("released");
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: "FAILED" });
    expect((await db.ticketType.findUniqueOrThrow({ where: { id: ticketType.id } })).held).toBe(0);
  });

  it("still sells to a buyer whose payment is confirmed after the hold expired, while there is room", async () => {
    const { order, ticketType } = await pendingStripeOrder();
    await releaseExpiredHolds(new Date(Date.now() + 2 * 60 * 60_000));
    expect(await handleStripeEvent(sessionEvent("checkout.session.completed", order))).toBe("completed");
    expect(await db.ticketType.findUniqueOrThrow({ where: { id: ticketType.id } })).toMatchObject({ sold: 2, held: 0 });
  });
});

describe(`Stripe refunds (${databaseKind})`, () => {
  /** A Stripe order paid through the webhook, for an event that refunds until a day before. */
  async function paidStripeOrder() {
    const { order, ticketType } = await pendingStripeOrder();
    expect(await handleStripeEvent(sessionEvent("checkout.session.completed", order))).toBe("completed");
    await db.eventRefundPolicy.create({ data: { eventId: order.eventId, refundable: true, daysBefore: 1 } });
    const tickets = await db.ticket.findMany({ where: { orderId: order.id }, orderBy: { code: "asc" } });
    return { order, ticketType, tickets };
  }

  /**
   * Stripe's answers: the session names its payment intent; `refunds` answers POST /v1/refunds,
   * `retrieve` GET /v1/refunds/<id>.
   */
  function stripeRefunds(refunds: () => Answer, retrieve?: (id: string) => Answer) {
    answerFor = (method, path) => {
      if (method === "GET" && path.startsWith("/v1/refunds/") && retrieve) return retrieve(path.split("/")[3]);
      if (method === "GET" && path.startsWith("/v1/checkout/sessions/"))
        return {
          status: 200,
          body: { id: path.split("/")[4], object: "checkout.session", payment_intent: "pi_test_123", currency: "sek" },
        };
      if (method === "POST" && path === "/v1/refunds") return refunds();
      return undefined;
    };
  }
  const refundPosts = () => requests.filter((request) => request.method === "POST" && request.path === "/v1/refunds");

  it("refunds the cancelled ticket's price from the session's payment, with the refund's idempotency key", async () => {
    const { order, tickets } = await paidStripeOrder();
    stripeRefunds(() => ({ status: 200, body: { id: "re_test_1", object: "refund", status: "succeeded" } }));

    const result = await cancelTickets(
      { orderId: order.id, codes: [tickets[0].code], requestKey: randomUUID(), requestedBy: "buyer" },
      { provider: provider() },
    );

    expect(result).toMatchObject({ ok: true, status: "SUCCEEDED", refundMinor: 29_500 });
    const [posted] = refundPosts();
    expect(refundPosts()).toHaveLength(1);
    expect(posted.form.get("payment_intent")).toBe("pi_test_123");
    expect(posted.form.get("amount")).toBe("29500");
    expect(posted.form.get("metadata[orderId]")).toBe(order.id);
    expect(posted.headers["idempotency-key"]).toBe(`refund-${result.ok ? result.refundId : ""}`);
    expect(await db.refund.findFirstOrThrow({ where: { orderId: order.id } })).toMatchObject({
      status: "SUCCEEDED",
      providerRef: "re_test_1",
    });
  });

  it("asks again with the same key when Stripe fails once, and a worker finishes what Stripe left undone", async () => {
    const { order, ticketType } = await paidStripeOrder();
    let answers = 0;
    // First a 500 (the SDK retries at once), then down for good: the refund waits for the worker.
    stripeRefunds(() =>
      ++answers <= 2 ? { status: 500, body: { error: { type: "api_error", message: "down" } } } : { status: 200, body: {} },
    );
    const now = new Date();

    const result = await cancelTickets(
      { orderId: order.id, codes: "all", requestKey: randomUUID(), requestedBy: "buyer", now },
      { provider: provider() },
    );

    expect(result).toMatchObject({ ok: true, status: "PENDING", refundMinor: 59_000 });
    expect((await db.ticketType.findUniqueOrThrow({ where: { id: ticketType.id } })).sold).toBe(0);
    stripeRefunds(() => ({ status: 200, body: { id: "re_test_2", object: "refund", status: "succeeded" } }));
    const report = await completeDueRefunds({ provider: provider(), now: new Date(now.getTime() + REFUND_LEASE_MS + 60 * 60_000) });
    expect(report).toMatchObject({ succeeded: 1 });

    const keys = refundPosts().map((request) => request.headers["idempotency-key"]);
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
    expect(await db.refund.findFirstOrThrow({ where: { orderId: order.id } })).toMatchObject({
      status: "SUCCEEDED",
      providerRef: "re_test_2",
    });
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("REFUNDED");
  });

  it("records a refund Stripe refuses as failed, for the organizer to settle", async () => {
    const { order } = await paidStripeOrder();
    stripeRefunds(() => ({
      status: 400,
      body: { error: { type: "invalid_request_error", code: "charge_already_refunded", message: "refunded" } },
    }));
    const result = await cancelTickets(
      { orderId: order.id, codes: "all", requestKey: randomUUID(), requestedBy: "buyer" },
      { provider: provider() },
    );
    expect(result).toMatchObject({ ok: true, status: "FAILED" });
    expect(refundPosts()).toHaveLength(1);
  });

  /** A Stripe refund event for `refund`, as Stripe would send it (its Refund object then). */
  function refundEvent(
    type: string,
    refund: { id: string; amountMinor: number },
    stripeId: string,
    overrides: Record<string, unknown> = {},
  ): StripeEvent {
    return {
      id: `evt_${randomUUID().slice(0, 12)}`,
      type,
      data: {
        object: {
          id: stripeId,
          object: "refund",
          amount: refund.amountMinor,
          currency: "sek",
          payment_intent: "pi_test_123",
          status: "succeeded",
          metadata: { orderId: "ignored", refundId: refund.id },
          ...overrides,
        },
      },
    };
  }
  const refundEmails = (refundId: string) =>
    db.outboxEmail.findMany({ where: { dedupeKey: { startsWith: `refund:${refundId}:` } }, orderBy: { template: "asc" } });

  /** A cancellation that Stripe answers "pending": the refund waits for its webhook. */
  async function pendingStripeRefund(stripeId: string) {
    const { order, tickets } = await paidStripeOrder();
    stripeRefunds(() => ({ status: 200, body: { id: stripeId, object: "refund", status: "pending" } }));
    const now = new Date();
    const result = await cancelTickets(
      { orderId: order.id, codes: "all", requestKey: randomUUID(), requestedBy: "buyer", now },
      { provider: provider() },
    );
    if (!result.ok) throw new Error(`cancel refused: ${result.error}`);
    const refund = await db.refund.findUniqueOrThrow({ where: { id: result.refundId } });
    return { order, tickets, result, refund, now };
  }

  it("leaves a refund Stripe answers pending waiting for its webhook, and the webhook's success completes it once", async () => {
    const { order, result, refund, now } = await pendingStripeRefund("re_pending_1");

    expect(result).toMatchObject({ status: "PENDING", refundMinor: 59_000 });
    expect(refund).toMatchObject({ status: "PENDING", providerRef: "re_pending_1", completedAt: null });
    expect(refundPosts()[0].form.get("metadata[refundId]")).toBe(refund.id);
    expect(await refundEmails(refund.id)).toHaveLength(0);
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("CANCELLED");
    // The worker leaves it to the webhook: past the lease, nobody asks Stripe again.
    requests.length = 0;
    expect(await completeDueRefunds({ provider: provider(), now: new Date(now.getTime() + REFUND_LEASE_MS + 60_000) })).toMatchObject({
      awaiting_confirmation: 0,
      succeeded: 0,
    });
    expect(requests).toHaveLength(0);

    const event = refundEvent("refund.updated", refund, "re_pending_1");
    const response = await POST(signedRequest(event));
    expect(await response.json()).toEqual({ received: true, outcome: "refunded" });
    expect(await db.refund.findUniqueOrThrow({ where: { id: refund.id } })).toMatchObject({
      status: "SUCCEEDED",
      providerRef: "re_pending_1",
    });
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("REFUNDED");
    expect((await refundEmails(refund.id)).map((email) => [email.template, email.to])).toEqual([
      ["refund-buyer", order.buyerEmail],
      ["refund-organizer", expect.any(String)],
    ]);
  });

  it("queues the emails once when Stripe delivers the same event again, or an older one late", async () => {
    const { refund } = await pendingStripeRefund("re_pending_2");
    const succeeded = refundEvent("refund.updated", refund, "re_pending_2");

    expect(await (await POST(signedRequest(succeeded))).json()).toMatchObject({ outcome: "refunded" });
    expect(await (await POST(signedRequest(succeeded))).json()).toMatchObject({ outcome: "already_handled" });
    // The refund.created event, still pending, arrives after the success.
    const older = refundEvent("refund.created", refund, "re_pending_2", { status: "pending" });
    expect(await (await POST(signedRequest(older))).json()).toMatchObject({ outcome: "ignored" });

    expect(await db.refund.findUniqueOrThrow({ where: { id: refund.id } })).toMatchObject({ status: "SUCCEEDED" });
    expect(await refundEmails(refund.id)).toHaveLength(2);
  });

  it("records the reason of a pending refund Stripe then fails and tells the organizer, never the buyer that it is refunded", async () => {
    const { order, refund } = await pendingStripeRefund("re_pending_3");
    const failed = refundEvent("refund.failed", refund, "re_pending_3", { status: "failed", failure_reason: "expired_or_canceled_card" });

    expect(await (await POST(signedRequest(failed))).json()).toMatchObject({ outcome: "refund_failed" });
    expect(await (await POST(signedRequest(failed))).json()).toMatchObject({ outcome: "already_handled" });
    // A success delivered after the failure (out of order) does not undo it.
    expect(await await POST(signedRequest(refundEvent("refund.updated", refund, "re_pending_3")))).toBeTruthy();

    expect(await db.refund.findUniqueOrThrow({ where: { id: refund.id } })).toMatchObject({
      status: "FAILED",
      lastError: "expired_or_canceled_card",
    });
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("CANCELLED");
    // No "refunded" email to anyone; the organizer is told once that it failed, and why.
    const emails = await refundEmails(refund.id);
    expect(emails.map((email) => email.template)).toEqual(["refund-failed-organizer"]);
    expect(emails[0].payload).toMatchObject({ reason: "expired_or_canceled_card", refundMinor: refund.amountMinor });
    expect((await getOrderRefundView(order.id))?.refunds).toEqual([
      expect.objectContaining({ status: "FAILED", failureReason: "expired_or_canceled_card" }),
    ]);
  });

  it("settles a refund from the older charge.refund.updated event too", async () => {
    const { refund } = await pendingStripeRefund("re_pending_8");
    expect(await handleStripeEvent(refundEvent("charge.refund.updated", refund, "re_pending_8"), () => {})).toBe("refunded");
    expect(await db.refund.findUniqueOrThrow({ where: { id: refund.id } })).toMatchObject({ status: "SUCCEEDED" });
  });

  it("marks a refund Stripe cancels as failed", async () => {
    const { refund } = await pendingStripeRefund("re_pending_4");
    const canceled = refundEvent("refund.updated", refund, "re_pending_4", { status: "canceled" });
    expect(await handleStripeEvent(canceled, () => {})).toBe("refund_failed");
    expect(await db.refund.findUniqueOrThrow({ where: { id: refund.id } })).toMatchObject({ status: "FAILED", lastError: "canceled" });
  });

  it("refuses a refund event with a bad signature, and changes nothing", async () => {
    const { refund } = await pendingStripeRefund("re_pending_5");
    const event = refundEvent("refund.updated", refund, "re_pending_5");
    expect((await POST(signedRequest(event, { secret: "whsec_forged" }))).status).toBe(400);
    const unsigned = new Request("http://localhost:3000/api/payments/stripe/webhook", { method: "POST", body: JSON.stringify(event) });
    expect((await POST(unsigned)).status).toBe(400);
    expect(await db.refund.findUniqueOrThrow({ where: { id: refund.id } })).toMatchObject({ status: "PENDING" });
    expect(await refundEmails(refund.id)).toHaveLength(0);
  });

  it("does not settle a refund from an event of another Stripe refund or another amount", async () => {
    const { refund } = await pendingStripeRefund("re_pending_6");
    expect(await handleStripeEvent(refundEvent("refund.updated", refund, "re_someone_else"), () => {})).toBe("mismatch");
    expect(await handleStripeEvent(refundEvent("refund.updated", refund, "re_pending_6", { amount: 1 }), () => {})).toBe("mismatch");
    // A refund made in Stripe's dashboard names none of ours.
    const dashboard = refundEvent("refund.updated", refund, "re_dashboard", { metadata: {} });
    expect(await handleStripeEvent(dashboard, () => {})).toBe("ignored");
    expect(await db.refund.findUniqueOrThrow({ where: { id: refund.id } })).toMatchObject({ status: "PENDING" });
  });

  it("settles a refund whose webhook came before Stripe's answer was stored, by the id in its metadata", async () => {
    const { order } = await paidStripeOrder();
    // Stripe made the refund but its answer never reached us.
    stripeRefunds(() => ({ status: 503, body: { error: { type: "api_error", message: "down" } } }));
    const now = new Date();
    const result = await cancelTickets(
      { orderId: order.id, codes: "all", requestKey: randomUUID(), requestedBy: "buyer", now },
      { provider: provider() },
    );
    if (!result.ok) throw new Error("cancel refused");
    const refund = await db.refund.findUniqueOrThrow({ where: { id: result.refundId } });
    expect(refund).toMatchObject({ status: "PENDING", providerRef: null });

    expect(await handleStripeEvent(refundEvent("refund.updated", refund, "re_early"), () => {})).toBe("refunded");
    expect(await db.refund.findUniqueOrThrow({ where: { id: refund.id } })).toMatchObject({ status: "SUCCEEDED", providerRef: "re_early" });
    // The worker then finds nothing left to do.
    requests.length = 0;
    expect(await completeDueRefunds({ provider: provider(), now: new Date(now.getTime() + 2 * 60 * 60_000) })).toMatchObject({
      succeeded: 0,
    });
    expect(requests).toHaveLength(0);
  });

  it("asks Stripe what became of a pending refund whose webhook never came, after a long wait", async () => {
    const { order, refund, now } = await pendingStripeRefund("re_pending_7");
    let state = "pending";
    stripeRefunds(
      () => ({ status: 500, body: {} }),
      (id) => ({ status: 200, body: { id, object: "refund", status: state, amount: refund.amountMinor, currency: "sek" } }),
    );
    requests.length = 0;
    const later = new Date(now.getTime() + REFUND_CONFIRMATION_CHECK_MS + 60_000);
    // Still pending: it waits as long again, and Stripe is asked, never told to refund again.
    // (Other tests' refunds wait in the same database: look only at this one.)
    const asked = () => requests.filter((request) => request.path === "/v1/refunds/re_pending_7").length;
    await completeDueRefunds({ provider: provider(), now: later });
    expect(asked()).toBe(1);
    expect(await db.refund.findUniqueOrThrow({ where: { id: refund.id } })).toMatchObject({ status: "PENDING" });
    await completeDueRefunds({ provider: provider(), now: new Date(later.getTime() + 60 * 60_000) });
    expect(asked()).toBe(1);

    state = "succeeded";
    await completeDueRefunds({ provider: provider(), now: new Date(later.getTime() + REFUND_CONFIRMATION_CHECK_MS + 60_000) });
    expect(asked()).toBe(2);
    expect(refundPosts()).toHaveLength(0);
    expect(await db.refund.findUniqueOrThrow({ where: { id: refund.id } })).toMatchObject({ status: "SUCCEEDED" });
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("REFUNDED");
    expect(await refundEmails(refund.id)).toHaveLength(2);
  });
});
