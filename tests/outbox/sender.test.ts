import { createServer, type AddressInfo, type Socket } from "node:net";
import { databaseKind, describeOnPostgres, useTestDatabase } from "../helpers/test-db";
import type { AddressObject, ParsedMail } from "mailparser";
import { startSmtpServer, type TestSmtpServer } from "../helpers/smtp";
import { db } from "@/lib/db/client";
import { enqueueEmails, type QueuedEmail } from "@/lib/outbox/queue";
import { deliverDueEmails, retryDelayMs, type SenderOptions } from "@/lib/outbox/sender";
import { SMTP_TIMEOUTS, smtpTransport, type MailTransport } from "@/lib/outbox/transport";
import { renderOutboxEmail } from "@/emails/render";
import { OrderConfirmationEmail } from "@/emails/order-confirmation";

useTestDatabase();

let smtp: TestSmtpServer;
let transport: MailTransport;

beforeAll(async () => {
  smtp = await startSmtpServer();
  transport = smtpTransport(smtp.url);
});
afterAll(async () => {
  transport.close();
  await smtp.close();
});
beforeEach(async () => {
  await db.outboxEmail.deleteMany();
  smtp.received.length = 0;
  smtp.recipients.length = 0;
  smtp.failing = false;
});

const options = (overrides: Partial<SenderOptions> = {}): SenderOptions => ({
  transport,
  render: (email) => renderOutboxEmail(email),
  from: "Biljett <biljetter@biljett.test>",
  messageIdDomain: "biljett.test",
  ...overrides,
});

function welcome(to: string, dedupeKey?: string): QueuedEmail {
  return { template: "welcome", to, locale: "sv", payload: { name: "Åsa", setPasswordUrl: "http://localhost:3000/x" }, dedupeKey };
}

const confirmation: QueuedEmail<"order-confirmation"> = {
  template: "order-confirmation",
  to: "kalle@example.se",
  locale: "en",
  payload: { ...OrderConfirmationEmail.PreviewProps, qrSrc: undefined } as never,
};

async function queue(...emails: QueuedEmail[]) {
  await db.$transaction((tx) => enqueueEmails(tx, emails));
}

/** Pretends time has passed: every retry is due now. */
async function fastForward() {
  await db.outboxEmail.updateMany({ where: { status: "PENDING" }, data: { nextAttemptAt: new Date(Date.now() - 1000) } });
}

describe(`outbox sender (${databaseKind})`, () => {
  it("delivers queued emails over SMTP and marks them sent", async () => {
    await queue(confirmation, welcome("asa@example.se"));

    const report = await deliverDueEmails(options());

    expect(report).toEqual({ sent: 2, retrying: 0, failed: 0 });
    const mails = await smtp.waitFor(2);
    const order = mails.find((m) => m.to && "text" in m.to && m.to.text === "kalle@example.se")!;
    expect(order.subject).toBe("Your tickets for Vårkonsert med Göteborgs symfoniker (order 7KQ2M9XD)");
    expect(order.from?.text).toContain("biljetter@biljett.test");
    expect(order.messageId).toMatch(/@biljett\.test>?$/);
    const pdf = order.attachments.find((a) => a.contentType === "application/pdf");
    expect(pdf?.filename).toBe("tickets-7KQ2M9XD.pdf");
    expect(pdf?.content.subarray(0, 5).toString()).toBe("%PDF-");
    const inline = order.attachments.filter((a) => a.contentType === "image/png");
    expect(inline).toHaveLength(2);
    for (const image of inline) expect(order.html).toContain(`cid:${image.cid}`);
    const rows = await db.outboxEmail.findMany();
    expect(rows.every((r) => r.status === "SENT" && r.sentAt && r.attempts === 1)).toBe(true);
  });

  it("names the recipient in the To header, encoding quotes, commas, line breaks and non-ASCII safely", async () => {
    const hostile = 'Kalle "Ankan" Anka, Jr.\r\nBcc: spion@evil.example\r\n';
    await queue(
      { ...welcome("kalle@example.se"), toName: hostile },
      { ...welcome("asa@example.se"), toName: "Åsa Öberg-Ståhl" },
      welcome("bo@example.se"),
    );

    expect(await deliverDueEmails(options())).toEqual({ sent: 3, retrying: 0, failed: 0 });
    const mails = await smtp.waitFor(3);
    const to = (mail: ParsedMail) => (mail.to as AddressObject).value.map(({ address, name }) => ({ address, name }));
    const byAddress: Record<string, ParsedMail> = Object.fromEntries(mails.map((mail) => [to(mail)[0].address, mail]));

    const kalle = byAddress["kalle@example.se"];
    expect(to(kalle)).toEqual([{ address: "kalle@example.se", name: 'Kalle "Ankan" Anka, Jr. Bcc: spion@evil.example' }]);
    expect(kalle.headers.has("bcc")).toBe(false);
    expect(kalle.headerLines.filter((line) => /^to$/i.test(line.key))).toHaveLength(1);
    expect(to(byAddress["asa@example.se"])).toEqual([{ address: "asa@example.se", name: "Åsa Öberg-Ståhl" }]);
    // Non-ASCII goes out encoded (RFC 2047), never as raw 8-bit in the header.
    expect(byAddress["asa@example.se"].headerLines.find((line) => line.key === "to")!.line).toMatch(/^To: =\?UTF-8\?/i);
    expect(to(byAddress["bo@example.se"])).toEqual([{ address: "bo@example.se", name: "" }]);
    // Each went to exactly its one address: nothing in a name added a recipient.
    expect(smtp.recipients.map((rcpt) => rcpt.join(",")).sort()).toEqual(["asa@example.se", "bo@example.se", "kalle@example.se"]);
  });

  it("queues an email once per dedupe key", async () => {
    await queue(welcome("asa@example.se", "welcome:asa"));
    await queue(welcome("asa@example.se", "welcome:asa"));
    expect(await db.outboxEmail.count()).toBe(1);
  });

  it("retries with backoff while the SMTP server is down, and sends once it is back", async () => {
    await queue(welcome("asa@example.se"));
    smtp.failing = true;

    const first = await deliverDueEmails(options());

    expect(first).toEqual({ sent: 0, retrying: 1, failed: 0 });
    const waiting = await db.outboxEmail.findFirstOrThrow();
    expect(waiting.status).toBe("PENDING");
    expect(waiting.lastError).toMatch(/451|temporarily/i);
    expect(waiting.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + retryDelayMs(1) - 5000);
    // Not due yet: nothing is tried.
    expect(await deliverDueEmails(options())).toEqual({ sent: 0, retrying: 0, failed: 0 });

    smtp.failing = false;
    await fastForward();
    expect(await deliverDueEmails(options())).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    expect((await db.outboxEmail.findFirstOrThrow()).attempts).toBe(2);
  });

  it("marks an email failed for good after the last attempt", async () => {
    await queue(welcome("asa@example.se"));
    smtp.failing = true;
    for (let attempt = 1; attempt <= 3; attempt++) {
      await deliverDueEmails(options({ maxAttempts: 3 }));
      await fastForward();
    }
    const row = await db.outboxEmail.findFirstOrThrow();
    expect(row.status).toBe("FAILED");
    expect(row.attempts).toBe(3);
    smtp.failing = false;
    expect(await deliverDueEmails(options({ maxAttempts: 3 }))).toEqual({ sent: 0, retrying: 0, failed: 0 });
  });

  it("sends, once, an email whose sender died after claiming it", async () => {
    await queue(welcome("asa@example.se"));
    const dying: MailTransport = { kind: "smtp", send: () => new Promise<string>(() => {}), close() {} };
    void deliverDueEmails(options({ transport: dying, leaseMs: 300 }));
    await new Promise((resolve) => setTimeout(resolve, 150));
    // Still leased: another sender leaves it alone.
    expect(await deliverDueEmails(options())).toEqual({ sent: 0, retrying: 0, failed: 0 });

    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await deliverDueEmails(options())).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(await deliverDueEmails(options())).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
  });

  it("does not send an email another sender took over while an earlier send stalled", async () => {
    await queue(welcome("asa@example.se"), welcome("bo@example.se"));
    // The first send hangs on a dead connection until released, then times out unsent.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let stalled!: () => void;
    const stalling = new Promise<void>((resolve) => (stalled = resolve));
    let calls = 0;
    const stalls: MailTransport = {
      kind: "smtp",
      async send(email) {
        if (++calls > 1) return transport.send(email);
        stalled();
        await released;
        throw new Error("Timeout");
      },
      close() {},
    };
    const first = deliverDueEmails(options({ transport: stalls, leaseMs: 300 }));
    await stalling;
    await new Promise((resolve) => setTimeout(resolve, 450));

    // Both leases have lapsed: another sender reclaims and sends both emails.
    expect(await deliverDueEmails(options())).toEqual({ sent: 2, retrying: 0, failed: 0 });
    release();

    // The first sender neither sends its second email nor counts (or undoes) the other's work.
    expect(await first).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(calls).toBe(1);
    const recipients = smtp.received.map((m) => (m.to && "text" in m.to ? m.to.text : "")).sort();
    expect(recipients).toEqual(["asa@example.se", "bo@example.se"]);
    const rows = await db.outboxEmail.findMany();
    expect(rows.map((r) => [r.status, r.attempts, r.lastError])).toEqual([
      ["SENT", 2, null],
      ["SENT", 2, null],
    ]);
  });

  it("keeps to its share of the processor: rests after each email in proportion to its work", async () => {
    await queue(welcome("a@example.se"), welcome("b@example.se"), welcome("c@example.se"));
    const renders: { start: number; end: number }[] = [];
    const slowRender: SenderOptions["render"] = async (email) => {
      const start = performance.now();
      // 40 ms of work on the processor, as rendering QR codes and a PDF would be.
      while (performance.now() - start < 40) Math.sqrt(Math.random());
      const rendered = await renderOutboxEmail(email);
      renders.push({ start, end: performance.now() });
      return rendered;
    };

    // A quarter of a core: after each email it rests at least three times that email's work.
    expect(await deliverDueEmails(options({ render: slowRender, cpuShare: 0.25 }))).toEqual({ sent: 3, retrying: 0, failed: 0 });
    expect(renders).toHaveLength(3);
    for (let i = 1; i < renders.length; i++) {
      const work = renders[i - 1].end - renders[i - 1].start;
      expect(renders[i].start - renders[i - 1].end).toBeGreaterThanOrEqual(3 * work - 5);
    }
  });

  it("gives up on a silent SMTP server, by default well within the lease", async () => {
    expect(Math.max(...Object.values(SMTP_TIMEOUTS))).toBeLessThan(120_000);
    // Accepts connections but never greets: a stalled server. The URL's own timeout wins.
    const sockets = new Set<Socket>();
    const silent = createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as AddressInfo;
    const stalled = smtpTransport(`smtp://127.0.0.1:${port}?greetingTimeout=300`);
    try {
      const started = Date.now();
      const email = { subject: "Hej", html: "<p>Hej</p>", text: "Hej", attachments: [] };
      await expect(
        stalled.send({ ...email, from: "biljetter@biljett.test", to: "asa@example.se", messageId: "<x@biljett.test>" }),
      ).rejects.toThrow(/greeting/i);
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      stalled.close();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});

describeOnPostgres("outbox sender under concurrency (PostgreSQL)", () => {
  it("never sends an email twice when several senders run at once", async () => {
    await queue(...Array.from({ length: 30 }, (_, i) => welcome(`buyer${i}@example.se`)));

    const reports = await Promise.all(
      [1, 2, 3, 4].map(async () => {
        let sent = 0;
        for (;;) {
          const report = await deliverDueEmails(options({ batchSize: 3 }));
          if (report.sent === 0) return sent;
          sent += report.sent;
        }
      }),
    );

    expect(reports.reduce((a, b) => a + b, 0)).toBe(30);
    await smtp.waitFor(30);
    const recipients = smtp.received.map((m) => (m.to && "text" in m.to ? m.to.text : ""));
    expect(new Set(recipients).size).toBe(30);
    expect(recipients).toHaveLength(30);
  });
});
