import { databaseKind, useTestDatabase } from "../helpers/test-db";
useTestDatabase();

import { randomBytes } from "node:crypto";
import { createOrder, createUser, eventIn } from "./fixtures";
import { confirmEmailChange, requestEmailChange } from "@/lib/accounts/email-change";
import { db } from "@/lib/db/client";
import type { EmailChangePayload } from "@/lib/outbox/templates";
import { findAccountOrder, findAccountTicket, listAccountOrders } from "@/lib/tickets/account-tickets";
import { resendOrderTickets } from "@/lib/tickets/resend-tickets";

/** Moves the account to `newEmail` the way the site does: sign in, request, then follow the emailed link. */
async function changeAddress(userId: string, newEmail: string) {
  const { sessionToken } = await db.session.create({
    data: { userId, sessionToken: randomBytes(16).toString("hex"), expires: new Date(Date.now() + 86_400_000) },
  });
  expect(await requestEmailChange({ userId, sessionToken, newEmail, currentPassword: "" })).toEqual({ ok: true, newEmail });
  const email = await db.outboxEmail.findFirstOrThrow({ where: { to: newEmail, template: "email-change" } });
  const token = new URL((email.payload as EmailChangePayload).confirmUrl).searchParams.get("token")!;
  expect(await confirmEmailChange({ userId, token })).toEqual({ ok: true, newEmail });
}

describe(`an address that changes hands (${databaseKind})`, () => {
  it("shows the new account at the old address none of the old owner's orders, only orders without an account", async () => {
    const tag = randomBytes(4).toString("hex");
    const oldAddress = `anna-${tag}@old.se`;
    const anna = await createUser(oldAddress);
    const event = await eventIn(5, "Vårkonsert");
    const annas = await createOrder({ ...event, userId: anna.id, buyerEmail: oldAddress });
    const annasCancelled = await createOrder({ ...event, userId: anna.id, buyerEmail: oldAddress, status: "CANCELLED" });
    // An order left without an account (e.g. its account was deleted), bought with the old address.
    const unlinked = await createOrder({ ...event, userId: null, buyerEmail: ` ${oldAddress.toUpperCase()}` });

    await changeAddress(anna.id, `anna-${tag}@gmail.com`);
    // Whoever controls the old mailbox now signs in by emailed link: a new account.
    const newcomer = await createUser(oldAddress);

    expect((await listAccountOrders(newcomer.id)).map((order) => order.id)).toEqual([unlinked.id]);
    expect(await findAccountOrder(newcomer.id, annas.id)).toBeNull();
    expect(await findAccountOrder(newcomer.id, annasCancelled.id)).toBeNull();
    for (const ticket of annas.tickets) expect(await findAccountTicket(newcomer.id, ticket.code)).toBeNull();
    expect(await resendOrderTickets({ userId: newcomer.id, orderId: annas.id, requestKey: `k${tag}${tag}${tag}`, locale: "sv" })).toEqual({
      ok: false,
      error: "not_found",
    });
    expect(await findAccountTicket(newcomer.id, unlinked.tickets[0].code)).toMatchObject({ order: { id: unlinked.id } });

    // Anna keeps hers.
    expect(new Set((await listAccountOrders(anna.id)).map((order) => order.id))).toEqual(new Set([annas.id, annasCancelled.id]));
    expect(await findAccountTicket(anna.id, annas.tickets[0].code)).toMatchObject({ order: { id: annas.id } });
  });
});
