import { databaseKind, describeOnPostgres, useTestDatabase } from "../helpers/test-db";
import { randomUUID } from "node:crypto";
import type { AddressObject } from "mailparser";
import { startSmtpServer, type TestSmtpServer } from "../helpers/smtp";
import { renderOutboxEmail } from "@/emails/render";
import { db } from "@/lib/db/client";
import { parseMessageForm } from "@/lib/organizers/message-schema";
import { getMessageComposer, listSentMessages, previewOrganizerMessage, sendOrganizerMessage } from "@/lib/organizers/messages";
import { deliverDueEmails } from "@/lib/outbox/sender";
import { smtpTransport } from "@/lib/outbox/transport";
import { isValidOrderKey } from "@/lib/orders/order-links";
import { createEvent } from "../helpers/fixtures";
import { addMember, organizerWithTeam, paidOrder } from "./fixtures";

useTestDatabase();

const message = (requestKey = randomUUID()) => ({ subject: "Ändrad starttid", body: "Vi börjar 19.30.\n\nVälkomna!", requestKey });

async function teamWithBuyers() {
  const team = await organizerWithTeam();
  const ids = { eventId: team.event.id, ticketTypeId: team.ticketTypes[0].id };
  const first = await paidOrder(ids, { email: "asa@example.se", name: "Åsa Berg" });
  const second = await paidOrder(ids, { email: "bo@example.se", name: "Bo Ek", locale: "en" });
  // A voided order's buyer is no ticket holder.
  const voided = await paidOrder(ids, { email: "void@example.se" });
  await db.ticket.updateMany({ where: { orderId: voided.id }, data: { status: "VOID" } });
  return { ...team, first, second };
}

const messageEmails = (eventTitle?: string) =>
  db.outboxEmail.findMany({
    where: { template: "organizer-message", ...(eventTitle ? { payload: { path: ["event", "title"], equals: eventTitle } } : {}) },
  });

describe(`sendOrganizerMessage (${databaseKind})`, () => {
  it("records the message and queues one email per ticket holder", async () => {
    const team = await teamWithBuyers();
    const result = await sendOrganizerMessage({
      userId: team.owner.id,
      organizerId: team.organizerId,
      eventId: team.event.id,
      message: message(),
    });

    expect(result).toEqual({ ok: true, messageId: expect.any(String), recipientCount: 2, alreadySent: false });
    if (!result.ok) throw new Error("not sent");
    const row = await db.organizerMessage.findUniqueOrThrow({ where: { id: result.messageId } });
    expect(row).toMatchObject({ sentById: team.owner.id, sentByEmail: team.owner.email, recipientCount: 2, subject: "Ändrad starttid" });
    const emails = await messageEmails(team.event.title);
    expect(emails.map((email) => [email.to, email.locale, email.dedupeKey]).sort()).toEqual(
      [
        ["asa@example.se", "sv", `organizer-message:${row.id}:${team.first.id}`],
        ["bo@example.se", "en", `organizer-message:${row.id}:${team.second.id}`],
      ].sort(),
    );
    const payload = emails.find((email) => email.to === "asa@example.se")!.payload as Record<string, unknown>;
    expect(payload).toMatchObject({ buyerName: "Åsa Berg", orderNumber: team.first.number, body: "Vi börjar 19.30.\n\nVälkomna!" });
    expect(payload.orderUrl).toMatch(new RegExp(`/orders/${team.first.id}\\?key=`));
  });

  it("sends a buyer with two orders one email, about the newer order, and counts them once", async () => {
    const team = await organizerWithTeam();
    const ids = { eventId: team.event.id, ticketTypeId: team.ticketTypes[0].id };
    const older = await paidOrder(ids, { email: "asa@example.se", name: "Åsa Berg" });
    // The same mailbox, typed differently the second time.
    const newer = await paidOrder(ids, { email: "Asa@Example.se ", name: "Åsa Berg", locale: "en" });
    const other = await paidOrder(ids, { email: "bo@example.se", name: "Bo Ek" });
    const args = { userId: team.owner.id, organizerId: team.organizerId, eventId: team.event.id };
    // Neither has signed in yet (the addresses are shared with the other tests of this file).
    await db.user.updateMany({ where: { email: { in: ["asa@example.se", "bo@example.se"] } }, data: { emailVerified: null } });

    expect((await getMessageComposer(team.owner.id, team.organizerId, team.event.id))?.recipientCount).toBe(2);
    const preview = await previewOrganizerMessage({ ...args, message: message() }, { buyerName: "x", orderNumber: "x" });
    expect(preview?.recipientCount).toBe(2);
    expect(preview?.payload.orderNumber).toBe(newer.number);

    const result = await sendOrganizerMessage({ ...args, message: message() });
    expect(result).toMatchObject({ ok: true, recipientCount: 2 });
    if (!result.ok) throw new Error("not sent");
    expect((await db.organizerMessage.findUniqueOrThrow({ where: { id: result.messageId } })).recipientCount).toBe(2);
    const emails = await messageEmails(team.event.title);
    // Åsa has never signed in, so the account holds only the language of the purchase that made
    // it (Swedish): the email about the newer order is in the language that order was bought in.
    expect((await db.user.findUniqueOrThrow({ where: { email: "asa@example.se" } })).locale).toBe("sv");
    expect(emails.map((email) => [email.to, email.locale, email.dedupeKey]).sort()).toEqual(
      [
        ["asa@example.se", "en", `organizer-message:${result.messageId}:${newer.id}`],
        ["bo@example.se", other.locale, `organizer-message:${result.messageId}:${other.id}`],
      ].sort(),
    );
    const toAsa = emails.find((email) => email.to === "asa@example.se")!.payload as { orderNumber: string; orderUrl: string };
    expect(toAsa.orderNumber).toBe(newer.number);
    // The link is signed with the address as that order has it, so it opens the order.
    const key = new URL(toAsa.orderUrl).searchParams.get("key");
    expect(isValidOrderKey({ id: newer.id, buyerEmail: newer.buyerEmail }, key)).toBe(true);
    expect(toAsa.orderUrl).not.toContain(older.id);

    // Once she has signed in (by an emailed link), the account's language is hers, and the next
    // message comes in it, as every other email to her account.
    await db.user.update({ where: { email: "asa@example.se" }, data: { emailVerified: new Date() } });
    const again = await sendOrganizerMessage({ ...args, message: message() });
    if (!again.ok) throw new Error("not sent");
    const toAsaAgain = (await messageEmails(team.event.title)).find(
      (email) => email.to === "asa@example.se" && email.dedupeKey?.startsWith(`organizer-message:${again.messageId}:`),
    );
    expect(toAsaAgain?.locale).toBe("sv");
  });

  it("goes to the account's current address and name after the address changed; the order keeps the one it was bought with", async () => {
    const team = await organizerWithTeam();
    const ids = { eventId: team.event.id, ticketTypeId: team.ticketTypes[0].id };
    const tag = randomUUID().slice(0, 8);
    const bought = await paidOrder(ids, { email: `Kim.${tag}@Old.example`, name: "Kim Kund" });
    const newAddress = `kim-${tag}@new.example`;
    // What confirming an address change does to the account.
    await db.user.update({ where: { id: bought.userId! }, data: { email: newAddress, name: "Kim Nyström" } });
    // An order without an account (its account deleted) goes to the address it was bought with.
    const unlinked = await paidOrder(ids, { email: `Gast.${tag}@Example.se`, name: "Gäst Gästsson" });
    await db.order.update({ where: { id: unlinked.id }, data: { userId: null } });

    const result = await sendOrganizerMessage({
      userId: team.owner.id,
      organizerId: team.organizerId,
      eventId: team.event.id,
      message: message(),
    });
    expect(result).toMatchObject({ ok: true, recipientCount: 2 });

    const emails = await messageEmails(team.event.title);
    expect(emails.map((email) => [email.to, email.toName]).sort()).toEqual(
      [
        [newAddress, "Kim Nyström"],
        [`gast.${tag}@example.se`, "Gäst Gästsson"],
      ].sort(),
    );
    expect(await db.outboxEmail.count({ where: { to: `kim.${tag}@old.example`, template: "organizer-message" } })).toBe(0);
    expect((await db.order.findUniqueOrThrow({ where: { id: bought.id } })).buyerEmail).toBe(`Kim.${tag}@Old.example`);
    // The order link is still signed with the order's own address, so it opens the order.
    const toKim = emails.find((email) => email.to === newAddress)!.payload as { orderUrl: string };
    expect(isValidOrderKey({ id: bought.id, buyerEmail: bought.buyerEmail }, new URL(toKim.orderUrl).searchParams.get("key"))).toBe(true);
  });

  it("sends once when the same form is posted twice", async () => {
    const team = await teamWithBuyers();
    const form = message();
    const args = { userId: team.admin.id, organizerId: team.organizerId, eventId: team.event.id, message: form };
    const first = await sendOrganizerMessage(args);
    const second = await sendOrganizerMessage(args);
    expect(first.ok && second.ok && second.messageId === first.messageId && second.alreadySent).toBe(true);
    expect(await db.organizerMessage.count({ where: { eventId: team.event.id } })).toBe(1);
    expect(await messageEmails(team.event.title)).toHaveLength(2);
  });

  it("refuses STAFF, members of other organizers and buyers, writing nothing", async () => {
    const team = await teamWithBuyers();
    const other = await createEvent();
    const outsider = await addMember(other.organizerId, "OWNER");
    const attempts = [
      { userId: team.staff.id, organizerId: team.organizerId },
      { userId: outsider.id, organizerId: team.organizerId },
      // Their own organizer id with someone else's event.
      { userId: outsider.id, organizerId: other.organizerId },
      { userId: team.first.userId!, organizerId: team.organizerId },
    ];
    for (const attempt of attempts) {
      expect(await sendOrganizerMessage({ ...attempt, eventId: team.event.id, message: message() })).toEqual({
        ok: false,
        error: "not_found",
      });
      expect(
        await previewOrganizerMessage({ ...attempt, eventId: team.event.id, message: message() }, { buyerName: "x", orderNumber: "x" }),
      ).toBeNull();
    }
    expect(await db.organizerMessage.count({ where: { eventId: team.event.id } })).toBe(0);
    expect(await messageEmails(team.event.title)).toHaveLength(0);
    // STAFF may read the history, outsiders may not.
    expect(await listSentMessages(team.staff.id, team.organizerId, team.event.id)).toEqual([]);
    expect(await listSentMessages(outsider.id, team.organizerId, team.event.id)).toBeNull();
  });

  it("refuses an event with no ticket holders", async () => {
    const team = await organizerWithTeam();
    expect(
      await sendOrganizerMessage({ userId: team.owner.id, organizerId: team.organizerId, eventId: team.event.id, message: message() }),
    ).toEqual({
      ok: false,
      error: "no_recipients",
    });
  });

  it("previews exactly what the first recipient gets, with the count", async () => {
    const team = await teamWithBuyers();
    const preview = await previewOrganizerMessage(
      { userId: team.owner.id, organizerId: team.organizerId, eventId: team.event.id, message: message() },
      { buyerName: "x", orderNumber: "x" },
    );
    expect(preview?.recipientCount).toBe(2);
    const rendered = await renderOutboxEmail({ template: "organizer-message", locale: "sv", payload: preview!.payload });
    expect(rendered.html).toContain("Åsa Berg");
    expect(rendered.html).toContain("Vi börjar 19.30.");
    expect(rendered.subject).toContain("Ändrad starttid");
  });
});

describe("parseMessageForm", () => {
  it("trims, and refuses empty, over-long and multi-line subjects", () => {
    const key = randomUUID();
    expect(parseMessageForm({ subject: "  Hej  ", body: " Text ", requestKey: key })).toEqual({
      ok: true,
      data: { subject: "Hej", body: "Text", requestKey: key },
    });
    expect(parseMessageForm({ subject: "", body: "x".repeat(5001), requestKey: "nope" })).toEqual({
      ok: false,
      fieldErrors: { subject: "required", body: "too_long", requestKey: "invalid" },
    });
    expect(parseMessageForm({ subject: "a\nb", body: "x", requestKey: key })).toEqual({ ok: false, fieldErrors: { subject: "one_line" } });
  });
});

describe(`a sent message over SMTP (${databaseKind})`, () => {
  let smtp: TestSmtpServer;
  beforeAll(async () => {
    smtp = await startSmtpServer();
  });
  afterAll(async () => {
    await smtp.close();
  });

  it("reaches every ticket holder with the organizer's subject, replies going to the organizer", async () => {
    const team = await teamWithBuyers();
    // Only this test's emails go out.
    await db.outboxEmail.updateMany({ where: { status: "PENDING" }, data: { status: "SENT" } });
    const result = await sendOrganizerMessage({
      userId: team.owner.id,
      organizerId: team.organizerId,
      eventId: team.event.id,
      message: message(),
    });
    expect(result.ok).toBe(true);

    const transport = smtpTransport(smtp.url);
    try {
      const report = await deliverDueEmails({
        transport,
        render: (email) => renderOutboxEmail(email),
        from: "Biljett <biljetter@biljett.test>",
        messageIdDomain: "biljett.test",
      });
      expect(report).toEqual({ sent: 2, retrying: 0, failed: 0 });
    } finally {
      transport.close();
    }
    const mails = await smtp.waitFor(2);
    const organizer = await db.organizer.findUniqueOrThrow({ where: { id: team.organizerId } });
    const byRecipient = Object.fromEntries(mails.map((mail) => [(mail.to as AddressObject).value[0].address, mail]));
    expect(Object.keys(byRecipient).sort()).toEqual(["asa@example.se", "bo@example.se"]);
    expect(byRecipient["asa@example.se"].subject).toContain("Ändrad starttid");
    expect(byRecipient["asa@example.se"].subject).toContain(organizer.name);
    expect(byRecipient["bo@example.se"].subject).toContain("Ändrad starttid");
    expect(byRecipient["asa@example.se"].replyTo?.text).toContain(organizer.email);
    expect(byRecipient["asa@example.se"].text).toContain("Vi börjar 19.30.");
    // The To header names the person: "Åsa Berg" <asa@example.se>.
    expect((byRecipient["asa@example.se"].to as AddressObject).value).toEqual([{ address: "asa@example.se", name: "Åsa Berg" }]);
    expect((byRecipient["bo@example.se"].to as AddressObject).value).toEqual([{ address: "bo@example.se", name: "Bo Ek" }]);
  });
});

describeOnPostgres("sendOrganizerMessage under concurrency", () => {
  it("sends once when the same key arrives from two posts at the same time", async () => {
    const team = await teamWithBuyers();
    const form = message();
    const args = { userId: team.owner.id, organizerId: team.organizerId, eventId: team.event.id, message: form };
    const results = await Promise.all(Array.from({ length: 5 }, () => sendOrganizerMessage(args)));
    expect(results.every((result) => result.ok)).toBe(true);
    expect(new Set(results.map((result) => (result.ok ? result.messageId : null))).size).toBe(1);
    expect(results.filter((result) => result.ok && !result.alreadySent)).toHaveLength(1);
    expect(await db.organizerMessage.count({ where: { eventId: team.event.id } })).toBe(1);
    expect(await messageEmails(team.event.title)).toHaveLength(2);
  });
});
