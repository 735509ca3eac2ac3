// Clean-up that no request should wait for: expired holds go back on sale, and rows that
// only existed to be checked for a while (rate-limit windows, idempotency keys, used or
// expired links, ended sessions) are removed, and events starting within a day get their
// reminders queued (lib/reminders). Run by `npm run worker` every 30 s, and inside
// the web server every minute (lib/outbox/in-app.ts). Checkout no longer releases holds itself:
// it only treats an expired hold as free when one would make it answer "sold out". Every step
// is safe to run on several servers at once.
import { db } from "../db/client";
import { releaseExpiredHolds } from "../orders/place-order";
import { liveSessionWhere } from "../auth/sessions";
import { deleteExpiredRateLimits } from "../rate-limit";
import { completeDueRefunds } from "../refunds/complete-refund";
import { runEventCancellations } from "../event-cancellation/process";
import { sweepWaitingLists } from "../waiting-list/offers";
import { queueEventReminders } from "../reminders/event-reminders";

export type HousekeepingReport = {
  holdsReleased: number;
  /** Waiting-list offers made from lapsed offers and free tickets (lib/waiting-list). */
  waitingListOffers: number;
  rateLimitsDeleted: number;
  idempotencyKeysDeleted: number;
  signInLinksDeleted: number;
  emailChangeRequestsDeleted: number;
  sessionsDeleted: number;
  /** Reminders queued for events starting within a day (lib/reminders). */
  eventReminders: number;
};

/** Email-change requests are kept a day after they end, so "this link was already used" can still be told apart. */
const EMAIL_CHANGE_GRACE_MS = 24 * 60 * 60_000;

/** Told which events have tickets back on sale, so cached pages can show them (lib/cache/remote.ts). */
export type HoldsReleasedListener = (eventIds: string[]) => Promise<unknown>;

export async function runHousekeeping(
  now = new Date(),
  { onHoldsReleased }: { onHoldsReleased?: HoldsReleasedListener } = {},
): Promise<HousekeepingReport> {
  // The events whose holds are about to go back: read first (only when someone listens), since
  // the release itself answers with a count. Another server releasing some of them first only
  // makes the announcement say a little more than this pass did.
  const expiring = onHoldsReleased
    ? await db.$queryRaw<{ eventId: string }[]>`
        SELECT DISTINCT "eventId" FROM "Order" WHERE "status" = 'PENDING' AND "holdExpiresAt" < ${now}`
    : [];
  // Batches of 100, one statement each, until none is left: a rush's abandoned carts all go back.
  let holdsReleased = 0;
  for (let batch = await releaseExpiredHolds(now, 100); ; batch = await releaseExpiredHolds(now, 100)) {
    holdsReleased += batch;
    if (batch < 100) break;
  }
  if (onHoldsReleased && holdsReleased > 0 && expiring.length > 0) await onHoldsReleased(expiring.map((row) => row.eventId));
  // Offers whose 30 minutes ended pass to the next in line (or back on sale when nobody waits).
  const waitingLists = await sweepWaitingLists(now);
  if (onHoldsReleased && waitingLists.eventIds.length > 0) await onHoldsReleased(waitingLists.eventIds);
  const rateLimitsDeleted = await deleteExpiredRateLimits(now);
  const { count: idempotencyKeysDeleted } = await db.idempotencyKey.deleteMany({ where: { expiresAt: { lte: now } } });
  const { count: signInLinksDeleted } = await db.verificationToken.deleteMany({ where: { expires: { lte: now } } });
  const graceEnd = new Date(now.getTime() - EMAIL_CHANGE_GRACE_MS);
  const { count: emailChangeRequestsDeleted } = await db.emailChangeRequest.deleteMany({
    where: { OR: [{ expiresAt: { lte: graceEnd } }, { usedAt: { lte: graceEnd } }] },
  });
  // Ended by either lifetime: sliding (expires) or absolute (90 days after the sign-in).
  const { count: sessionsDeleted } = await db.session.deleteMany({ where: { NOT: liveSessionWhere(now) } });
  const reminders = await queueEventReminders(now);
  return {
    holdsReleased,
    waitingListOffers: waitingLists.offers,
    rateLimitsDeleted,
    idempotencyKeysDeleted,
    signInLinksDeleted,
    emailChangeRequestsDeleted,
    sessionsDeleted,
    eventReminders: reminders.emails,
  };
}

/** Runs housekeeping every `intervalMs` until stopped; failures are logged and retried next time. */
export function startHousekeeping({
  intervalMs,
  keepProcessAlive = false,
  log = (line: string) => console.warn(line),
  onHoldsReleased,
}: {
  intervalMs: number;
  keepProcessAlive?: boolean;
  log?: (line: string) => void;
  onHoldsReleased?: HoldsReleasedListener;
}): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const pass = () => {
    running = Promise.all([
      runHousekeeping(new Date(), { onHoldsReleased }).catch((error: Error) => log(`housekeeping failed: ${error.message}`)),
      // Refunds a crash or an unreachable provider left pending (lib/refunds/complete-refund.ts).
      completeDueRefunds().catch((error: Error) => log(`refunds failed: ${error.message}`)),
      // Cancelled events' orders, batch by batch (lib/event-cancellation/process.ts).
      runEventCancellations().catch((error: Error) => log(`event cancellations failed: ${error.message}`)),
    ]);
  };
  const timer = setInterval(pass, intervalMs);
  if (!keepProcessAlive) timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
