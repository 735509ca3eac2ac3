// Delivers queued emails. Rows are claimed with FOR UPDATE SKIP LOCKED and a lease, so any
// number of senders (in the app, or `npm run worker` processes) never send the same email
// at once, and a sender that dies mid-batch only delays its emails until the lease ends.
// Each row's lease is renewed just before its send, and only while this sender still holds
// it: a batch that stalls past its lease leaves the rest to whoever reclaimed them.
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
  /**
   * The share of one core the sender may keep busy (0–1, default 1): after each email it rests
   * in proportion to the time that email took, so a sender inside the web server leaves the
   * rest to the buyers' requests during a rush. `npm run worker` runs on its own and takes all.
   */
  cpuShare?: number;
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

/**
 * Extends this sender's lease on one row, or returns null when the lease has run out or another
 * sender has reclaimed the row. There is no claim token column: the exact lockedUntil this
 * sender wrote is its token (a reclaim writes a later one, as it happens only after ours ended).
 */
async function renewLease(id: string, lockedUntil: Date, leaseMs: number): Promise<Date | null> {
  const [row] = await db.$queryRaw<{ lockedUntil: Date }[]>`
    UPDATE "OutboxEmail"
       SET "lockedUntil" = now() + make_interval(secs => ${leaseMs / 1000}::double precision)
     WHERE "id" = ${id}::uuid
       AND "status" = 'SENDING'
       AND "lockedUntil" = ${lockedUntil}
       AND "lockedUntil" > now()
    RETURNING "lockedUntil"`;
  return row?.lockedUntil ?? null;
}

export async function deliverDueEmails(options: SenderOptions): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const leaseMs = options.leaseMs ?? 120_000;
  const claimed = await claimDue(options.batchSize ?? 20, leaseMs);
  let since = performance.now();
  // Rests (share⁻¹ − 1) times as long as the work since the last rest took.
  const rest = async (share: number) => {
    const worked = performance.now() - since;
    await new Promise((resolve) => setTimeout(resolve, Math.min(5_000, worked * (1 / share - 1))));
    since = performance.now();
  };

  const share = Math.min(1, Math.max(0.01, options.cpuShare ?? 1));
  for (const [index, email] of claimed.entries()) {
    if (index > 0 && share < 1) await rest(share);
    // Our lease on this row, as last written by us; null once it is no longer ours.
    let lease: Date | null = email.lockedUntil;
    try {
      const rendered = await options.render(email);
      lease = lease && (await renewLease(email.id, lease, leaseMs));
      // Reclaimed by another sender (or lapsed) while earlier emails were sent: not ours to send.
      if (!lease) continue;
      const messageId = await options.transport.send({
        ...rendered,
        from: options.from,
        to: email.to,
        toName: email.toName,
        messageId: `<${email.id}@${options.messageIdDomain}>`,
      });
      const scrubbed = options.transport.kind === "smtp" ? withoutSecretLink(email.template, email.payload) : null;
      // Not tied to our lease: it was sent, and SENT also stops a sender that reclaimed it late.
      await db.outboxEmail.updateMany({
        where: { id: email.id, status: "SENDING" },
        data: {
          status: "SENT",
          sentAt: new Date(),
          messageId,
          lockedUntil: null,
          lastError: null,
          ...(scrubbed ? { payload: scrubbed } : {}),
        },
      });
      report.sent++;
    } catch (error) {
      // Some failures say retrying cannot help (an email made obsolete since it was queued).
      const giveUp = email.attempts >= maxAttempts || (error as { permanent?: unknown } | null)?.permanent === true;
      // Only while the row is still ours: a reclaimed one is another sender's to retry or finish.
      const { count } = lease
        ? await db.outboxEmail.updateMany({
            where: { id: email.id, status: "SENDING", lockedUntil: lease },
            data: giveUp
              ? { status: "FAILED", lockedUntil: null, lastError: describeError(error) }
              : {
                  status: "PENDING",
                  lockedUntil: null,
                  lastError: describeError(error),
                  nextAttemptAt: new Date(Date.now() + retryDelayMs(email.attempts)),
                },
          })
        : { count: 0 };
      options.log?.(
        `outbox: ${email.template} ${email.id} attempt ${email.attempts} failed${giveUp && count > 0 ? " for good" : ""}: ${describeError(error)}`,
      );
      if (count === 0) continue;
      if (giveUp) report.failed++;
      else report.retrying++;
    }
  }
  return report;
}

/** Delivers until nothing is due, then waits; returns a function that stops it. */
export function startSender(options: SenderOptions & { intervalMs?: number; keepProcessAlive?: boolean }): {
  stop(): Promise<void>;
  poke(): void;
} {
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
