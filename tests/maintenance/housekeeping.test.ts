import { databaseKind, useTestDatabase } from "../helpers/test-db";
import { startSmtpServer, type TestSmtpServer } from "../helpers/smtp";
import { createEvent } from "../helpers/fixtures";
import { renderOutboxEmail } from "@/emails/render";
import { db } from "@/lib/db/client";
import { runHousekeeping } from "@/lib/maintenance/housekeeping";
import { enqueueEmails } from "@/lib/outbox/queue";
import { deliverDueEmails } from "@/lib/outbox/sender";
import { mailboxTransport, smtpTransport } from "@/lib/outbox/transport";

useTestDatabase();

const hour = 60 * 60_000;

describe(`housekeeping (${databaseKind})`, () => {
  it("removes only expired rate limits, idempotency keys, sign-in links, sessions and old email-change requests", async () => {
    const now = new Date();
    const past = new Date(now.getTime() - hour);
    const future = new Date(now.getTime() + hour);
    const longAgo = new Date(now.getTime() - 48 * hour);
    const user = await db.user.create({ data: { email: "sigrid@example.se" } });
    await db.rateLimitBucket.createMany({
      data: [
        { key: "old", count: 3, resetAt: past },
        { key: "live", count: 1, resetAt: future },
      ],
    });
    await db.idempotencyKey.createMany({
      data: [
        { scope: "checkout", key: "old", requestHash: "x", expiresAt: past },
        { scope: "checkout", key: "live", requestHash: "y", expiresAt: future },
      ],
    });
    await db.verificationToken.createMany({
      data: [
        { identifier: user.email, token: "old", expires: past },
        { identifier: user.email, token: "live", expires: future },
      ],
    });
    await db.session.createMany({
      data: [
        { sessionToken: "old", userId: user.id, expires: past },
        { sessionToken: "live", userId: user.id, expires: future },
        // Kept alive by use, but older than the absolute lifetime of 90 days.
        { sessionToken: "too-old", userId: user.id, expires: future, createdAt: new Date(now.getTime() - 90 * 24 * hour - 1) },
      ],
    });
    await db.emailChangeRequest.createMany({
      data: [
        { userId: user.id, newEmail: "a@example.se", tokenHash: "expired-long-ago", expiresAt: longAgo },
        { userId: user.id, newEmail: "b@example.se", tokenHash: "used-long-ago", expiresAt: future, usedAt: longAgo },
        { userId: user.id, newEmail: "c@example.se", tokenHash: "just-expired", expiresAt: past },
        { userId: user.id, newEmail: "d@example.se", tokenHash: "pending", expiresAt: future },
      ],
    });

    const report = await runHousekeeping(now);

    expect(report).toMatchObject({
      rateLimitsDeleted: 1,
      idempotencyKeysDeleted: 1,
      signInLinksDeleted: 1,
      sessionsDeleted: 2,
      emailChangeRequestsDeleted: 2,
    });
    expect((await db.rateLimitBucket.findMany()).map((row) => row.key)).toEqual(["live"]);
    expect((await db.idempotencyKey.findMany()).map((row) => row.key)).toEqual(["live"]);
    expect((await db.verificationToken.findMany()).map((row) => row.token)).toEqual(["live"]);
    expect((await db.session.findMany()).map((row) => row.sessionToken)).toEqual(["live"]);
    expect((await db.emailChangeRequest.findMany({ orderBy: { newEmail: "asc" } })).map((row) => row.tokenHash)).toEqual([
      "just-expired",
      "pending",
    ]);
  });

  it("puts tickets held by an abandoned checkout back on sale", async () => {
    const { event, ticketTypes } = await createEvent({ ticketTypes: [{ name: "Ståplats", priceMinor: 10_000, capacity: 10 }] });
    const [type] = ticketTypes;
    await db.ticketType.update({ where: { id: type.id }, data: { held: 2 } });
    await db.order.create({
      data: {
        number: "HK-0001",
        eventId: event.id,
        buyerName: "Kalle",
        buyerEmail: "kalle@example.se",
        subtotalMinor: 20_000,
        totalMinor: 20_000,
        holdExpiresAt: new Date(Date.now() - 60_000),
        items: { create: [{ ticketTypeId: type.id, quantity: 2, unitPriceMinor: 10_000 }] },
      },
    });
    const report = await runHousekeeping();
    expect(report.holdsReleased).toBe(1);
    expect((await db.ticketType.findUniqueOrThrow({ where: { id: type.id } })).held).toBe(0);
  });
});

describe(`secret links in sent emails (${databaseKind})`, () => {
  let smtp: TestSmtpServer;
  beforeAll(async () => {
    smtp = await startSmtpServer();
  });
  afterAll(async () => {
    await smtp.close();
  });

  const sender = (transport: ReturnType<typeof smtpTransport>) => ({
    transport,
    render: (email: Parameters<typeof renderOutboxEmail>[0]) => renderOutboxEmail(email),
    from: "Biljett <biljetter@biljett.test>",
    messageIdDomain: "biljett.test",
  });

  it("are blanked in the outbox once delivered over SMTP, and kept in the demo's mailbox", async () => {
    const url = "http://localhost:3000/login/confirm?token=secret-token";
    await db.$transaction((tx) =>
      enqueueEmails(tx, [{ template: "magic-link", to: "sigrid@example.se", locale: "sv", payload: { url, expiresInMinutes: 15 } }]),
    );
    const transport = smtpTransport(smtp.url);
    try {
      expect((await deliverDueEmails(sender(transport))).sent).toBe(1);
    } finally {
      transport.close();
    }
    const [mail] = await smtp.waitFor(1);
    expect(mail.text).toContain("secret-token");
    const row = await db.outboxEmail.findFirstOrThrow({ where: { template: "magic-link" } });
    expect(row.status).toBe("SENT");
    expect(JSON.stringify(row.payload)).not.toContain("secret-token");
    expect(row.payload).toEqual({ url: "", expiresInMinutes: 15 });

    await db.$transaction((tx) =>
      enqueueEmails(tx, [
        { template: "magic-link", to: "sigrid@example.se", locale: "sv", payload: { url: `${url}-2`, expiresInMinutes: 15 } },
      ]),
    );
    expect((await deliverDueEmails(sender(mailboxTransport()))).sent).toBe(1);
    const kept = await db.outboxEmail.findFirstOrThrow({
      where: { template: "magic-link", status: "SENT", payload: { path: ["url"], equals: `${url}-2` } },
    });
    expect(kept.to).toBe("sigrid@example.se");
  });
});
