// Delivers queued emails. Rows are claimed with FOR UPDATE SKIP LOCKED and a lease, so any
// number of senders (in the app, or `npm run worker` processes) never send the same email
// at once, and a sender that dies mid-batch only delays its emails until the lease ends.
import { db } from "../db/client";
import type { OutboxEmail } from "../db/types";
import type { MailTransport } from "./transport";
import type { RenderedEmail } from "./templates";
import { withoutSecretLink } from "./templates";

export type RenderOutboxEmail = (email: OutboxEmail) => Promise<RenderedEmail>;

export type SenderOptions = {
  transport: MailTransport;
  render: RenderOutboxEmail;
  from: string;
  /** Domain for Message-ID headers (the site's host). */
  messageIdDomain: string;
  batchSize?: number;
  leaseMs?: number;
  maxAttempts?: number;
  /** Called with a line per failure; never with personal data. */
  log?: (line: string) => void;
};

export type DeliveryReport = { sent: number; retrying: number; failed: number };

export const DEFAULT_MAX_ATTEMPTS = 8;

/** Delay before attempt `attempts + 1`: 30 s, doubling, at most an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 60 * 60_000);
}

async function claimDue(batchSize: number, leaseMs: number): Promise<OutboxEmail[]> {
  // attempts is counted when the row is claimed, so a sender that crashes still uses one up.
  return db.$queryRaw<OutboxEmail[]>`
    UPDATE "OutboxEmail"
       SET "status" = 'SENDING',
           "attempts" = "attempts" + 1,
           "lockedUntil" = now() + make_interval(secs => ${leaseMs / 1000}::double precision)
     WHERE "id" IN (
       SELECT "id" FROM "OutboxEmail"
        WHERE ("status" = 'PENDING' AND "nextAttemptAt" <= now())
           OR ("status" = 'SENDING' AND "lockedUntil" < now())
        ORDER BY "nextAttemptAt", "createdAt"
        LIMIT ${batchSize}
        FOR UPDATE SKIP LOCKED)
    RETURNING *`;
}

function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, 500);
}

export async function deliverDueEmails(options: SenderOptions): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const claimed = await claimDue(options.batchSize ?? 20, options.leaseMs ?? 120_000);

  for (const email of claimed) {
    try {
      const rendered = await options.render(email);
      const messageId = await options.transport.send({
        ...rendered,
        from: options.from,
        to: email.to,
        messageId: `<${email.id}@${options.messageIdDomain}>`,
      });
      const scrubbed = options.transport.kind === "smtp" ? withoutSecretLink(email.template, email.payload) : null;
      await db.outboxEmail.updateMany({
        where: { id: email.id, status: "SENDING" },
        data: { status: "SENT", sentAt: new Date(), messageId, lockedUntil: null, lastError: null, ...(scrubbed ? { payload: scrubbed } : {}) },
      });
      report.sent++;
    } catch (error) {
      const giveUp = email.attempts >= maxAttempts;
      await db.outboxEmail.updateMany({
        where: { id: email.id, status: "SENDING" },
        data: giveUp
          ? { status: "FAILED", lockedUntil: null, lastError: describeError(error) }
          : {
              status: "PENDING",
              lockedUntil: null,
              lastError: describeError(error),
              nextAttemptAt: new Date(Date.now() + retryDelayMs(email.attempts)),
            },
      });
      options.log?.(
        `outbox: ${email.template} ${email.id} attempt ${email.attempts} failed${giveUp ? " for good" : ""}: ${describeError(error)}`,
      );
      if (giveUp) report.failed++;
      else report.retrying++;
    }
  }
  return report;
}

/** Delivers until nothing is due, then waits; returns a function that stops it. */
export function startSender(
  options: SenderOptions & { intervalMs?: number; keepProcessAlive?: boolean },
): { stop(): Promise<void>; poke(): void } {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> = Promise.resolve();

  const tick = () => {
    timer = undefined;
    running = (async () => {
      try {
        let report: DeliveryReport;
        do {
          report = await deliverDueEmails(options);
        } while (!stopped && report.sent + report.retrying + report.failed > 0);
      } catch (error) {
        options.log?.(`outbox: sender pass failed: ${describeError(error)}`);
      }
      if (!stopped) {
        timer = setTimeout(tick, options.intervalMs ?? 5_000);
        // Inside the web server the sender must not keep a process alive that is shutting down;
        // the standalone worker asks to be kept alive.
        if (!options.keepProcessAlive) timer.unref();
      }
    })();
  };
  tick();

  return {
    poke() {
      if (stopped || !timer) return;
      clearTimeout(timer);
      tick();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
