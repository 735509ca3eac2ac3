import { useTestDatabase } from "../helpers/test-db";
useTestDatabase();

import { randomBytes } from "node:crypto";
import type { EmailConfig } from "next-auth/providers/email";
import { setPassword } from "@/lib/accounts/set-password";
import { hashVerificationToken } from "@/lib/accounts/sign-in-links";
import { magicLinkProvider } from "@/lib/auth/magic-link";
import { LINK_REQUESTS_PER_EMAIL, requestSignInLink, type SendSignInLink } from "@/lib/auth/request-link";
import { db } from "@/lib/db/client";
import { orderPath } from "@/lib/orders/order-links";
import { requestOrderPasswordLink } from "@/lib/orders/order-password-link";
import { SET_PASSWORD_LINK_PATH } from "@/lib/auth/magic-link";
import { createOrder, createUser, eventIn } from "../tickets/fixtures";

// What Auth.js's signIn("email") does (it cannot load in Jest), as tests/login/request-sign-in-link.test.ts
// does: store the token's hash, then hand our provider the link, which queues the real email.
const provider = magicLinkProvider();
const authJsStandIn: SendSignInLink = async (email, callbackPath) => {
  const token = randomBytes(32).toString("hex");
  const expires = new Date(Date.now() + 15 * 60_000);
  await db.verificationToken.create({ data: { identifier: email, token: hashVerificationToken(token), expires } });
  const url = `http://localhost:3000/api/auth/callback/email?${new URLSearchParams({ callbackUrl: callbackPath, token, email })}`;
  await provider.sendVerificationRequest({
    identifier: email,
    token,
    expires,
    url,
    provider: provider as EmailConfig,
    theme: {},
    request: new Request("http://localhost:3000/api/auth/signin/email"),
  });
  return "http://localhost:3000/login/check-email";
};

const newClient = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}-${randomBytes(2).toString("hex")}`;
const keyOf = (order: { id: string; buyerEmail: string }) => new URL(orderPath(order), "http://localhost").searchParams.get("key")!;

async function paidOrder(user?: { id: string; email: string }) {
  const buyer = user ?? (await createUser());
  const event = await eventIn(5);
  return createOrder({ ...event, userId: buyer.id, buyerEmail: buyer.email });
}

function ask(order: { id: string; buyerEmail: string }, { key = keyOf(order), clientAddress = newClient() } = {}) {
  return requestOrderPasswordLink(
    { orderId: order.id, key, callbackPath: SET_PASSWORD_LINK_PATH, clientAddress },
    { sendLink: authJsStandIn, minDurationMs: 0 },
  );
}

describe("requestOrderPasswordLink", () => {
  it("queues one set-password link to the order's address, in one request", async () => {
    const order = await paidOrder();
    expect(await ask(order)).toEqual({ ok: true, email: order.buyerEmail });
    const emails = await db.outboxEmail.findMany({ where: { to: order.buyerEmail } });
    expect(emails).toHaveLength(1);
    expect(emails[0].template).toBe("magic-link");
    // The forgot-password page's email for a first password, not the plain sign-in email.
    expect(emails[0].payload).toMatchObject({ purpose: "first-password" });
    const url = new URL((emails[0].payload as { url: string }).url);
    expect(url.searchParams.get("email")).toBe(order.buyerEmail);
    expect(url.searchParams.get("callbackUrl")).toBe("/account/password");
  });

  it("gives the same answer for an account without a password, one with a password, and an order whose account is gone", async () => {
    const guest = await paidOrder();
    const owner = await createUser();
    expect(await setPassword({ userId: owner.id, password: "tre gröna hästar", currentSessionToken: null })).toEqual({ ok: true });
    const withPassword = await paidOrder(owner);
    const event = await eventIn(5);
    const orphan = await createOrder({ ...event, userId: null, buyerEmail: `ingen-${randomBytes(4).toString("hex")}@example.se` });

    const answers = [];
    for (const order of [guest, withPassword, orphan]) answers.push(await ask(order));
    expect(answers).toEqual([
      { ok: true, email: guest.buyerEmail },
      { ok: true, email: withPassword.buyerEmail },
      { ok: true, email: orphan.buyerEmail },
    ]);
  });

  it("answers not_found and sends nothing without the order's key", async () => {
    const order = await paidOrder();
    const other = await paidOrder();
    for (const key of ["", "x", keyOf(other), `${keyOf(order)}x`]) {
      expect(await ask(order, { key })).toEqual({ ok: false, error: "not_found" });
    }
    expect(await ask({ id: "not-a-uuid", buyerEmail: order.buyerEmail }, { key: keyOf(order) })).toEqual({
      ok: false,
      error: "not_found",
    });
    expect(await db.outboxEmail.count({ where: { to: order.buyerEmail } })).toBe(0);
  });

  it("is limited per address like the forgot-password page, sharing its count", async () => {
    const order = await paidOrder();
    // The forgot-password page's requests for the same address count too.
    for (let i = 0; i < LINK_REQUESTS_PER_EMAIL.limit - 1; i++) {
      const forgot = { email: order.buyerEmail, callbackPath: SET_PASSWORD_LINK_PATH, clientAddress: newClient() };
      expect(await requestSignInLink(forgot, { sendLink: authJsStandIn, minDurationMs: 0 })).toEqual({ ok: true });
    }
    expect((await ask(order)).ok).toBe(true);
    const refused = await ask(order);
    expect(refused).toMatchObject({ ok: false, error: "rate_limited" });
    expect(await db.outboxEmail.count({ where: { to: order.buyerEmail } })).toBe(LINK_REQUESTS_PER_EMAIL.limit);
  });
});
