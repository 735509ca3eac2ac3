// Clean-up that no request should wait for: expired holds go back on sale, and rows that
// only existed to be checked for a while (rate-limit windows, idempotency keys, used or
// expired links, ended sessions) are removed. Run by `npm run worker`, and inside the web
// server when no worker runs (the demo). Every step is safe to run on several servers at once.
import { db } from "../db/client";
import { releaseExpiredHolds } from "../orders/place-order";
import { liveSessionWhere } from "../auth/sessions";
import { deleteExpiredRateLimits } from "../rate-limit";

export type HousekeepingReport = {
  holdsReleased: number;
  rateLimitsDeleted: number;
  idempotencyKeysDeleted: number;
  signInLinksDeleted: number;
  emailChangeRequestsDeleted: number;
  sessionsDeleted: number;
};

/** Email-change requests are kept a day after they end, so "this link was already used" can still be told apart. */
const EMAIL_CHANGE_GRACE_MS = 24 * 60 * 60_000;

export async function runHousekeeping(now = new Date()): Promise<HousekeepingReport> {
  const holdsReleased = await releaseExpiredHolds(now);
  const rateLimitsDeleted = await deleteExpiredRateLimits(now);
  const { count: idempotencyKeysDeleted } = await db.idempotencyKey.deleteMany({ where: { expiresAt: { lte: now } } });
  const { count: signInLinksDeleted } = await db.verificationToken.deleteMany({ where: { expires: { lte: now } } });
  const graceEnd = new Date(now.getTime() - EMAIL_CHANGE_GRACE_MS);
  const { count: emailChangeRequestsDeleted } = await db.emailChangeRequest.deleteMany({
    where: { OR: [{ expiresAt: { lte: graceEnd } }, { usedAt: { lte: graceEnd } }] },
  });
  // Ended by either lifetime: sliding (expires) or absolute (90 days after the sign-in).
  const { count: sessionsDeleted } = await db.session.deleteMany({ where: { NOT: liveSessionWhere(now) } });
  return { holdsReleased, rateLimitsDeleted, idempotencyKeysDeleted, signInLinksDeleted, emailChangeRequestsDeleted, sessionsDeleted };
}

/** Runs housekeeping every `intervalMs` until stopped; failures are logged and retried next time. */
export function startHousekeeping({
  intervalMs,
  keepProcessAlive = false,
  log = (line: string) => console.warn(line),
}: {
  intervalMs: number;
  keepProcessAlive?: boolean;
  log?: (line: string) => void;
}): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const pass = () => {
    running = runHousekeeping().catch((error: Error) => log(`housekeeping failed: ${error.message}`));
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
