// The sender that runs inside the web server (the demo, or a single-server deployment). With
// several servers, `npm run worker` does the same job; running both is safe, since rows are
// claimed with SKIP LOCKED.
import { resolveStoredEmail } from "../../emails/registry";
import { renderOutboxEmail } from "../../emails/render";
import { announceEventsChanged } from "../cache/remote";
import { env, isBuildPhase } from "../env";
import { startHousekeeping } from "../maintenance/housekeeping";
import { sendsInApp } from "./sender-mode";
import { startSender } from "./sender";
import { mailboxTransport, smtpTransport } from "./transport";

type Sender = ReturnType<typeof startSender>;

export const IN_APP_CPU_SHARE = 0.25;
const globalForSender = globalThis as unknown as { outboxSender?: Sender; housekeeping?: ReturnType<typeof startHousekeeping> };

export function outboxSenderOptions() {
  const { SMTP_URL, MAIL_FROM, SITE_URL } = env();
  return {
    transport: SMTP_URL ? smtpTransport(SMTP_URL) : mailboxTransport(),
    // A checkout's confirmation names its order: read it, then render (QR codes, PDF) here, in
    // the sender, never in the buyer's request.
    render: async (email: Parameters<typeof renderOutboxEmail>[0]) => renderOutboxEmail(await resolveStoredEmail(email)),
    from: MAIL_FROM,
    messageIdDomain: new URL(SITE_URL).hostname,
    log: (line: string) => console.warn(line),
  };
}

/**
 * Starts the in-process sender if it is not running, and has it look for due emails now. With
 * EMAIL_SENDER=worker it does nothing: the worker looks every 2 s.
 */
export function wakeOutboxSender(): void {
  if (!sendsInApp()) return;
  if (!globalForSender.outboxSender) {
    // A quarter of a core at most: in a rush the buyers' requests come first and the emails
    // follow a little later (npm run worker, on its own, takes a whole core).
    globalForSender.outboxSender = startSender({ ...outboxSenderOptions(), intervalMs: 5_000, cpuShare: IN_APP_CPU_SHARE });
    return;
  }
  globalForSender.outboxSender.poke();
}

/**
 * Starts the in-process sender and housekeeping if they are not running yet; called once by
 * instrumentation.ts when the server starts, so emails a previous process left in the outbox
 * go out without waiting for a visitor. A build (which also loads instrumentation) starts nothing,
 * nor does a server told EMAIL_SENDER=worker.
 */
export function ensureOutboxSender(): void {
  // With EMAIL_SENDER=worker, `npm run worker` does all of this, housekeeping included.
  if (isBuildPhase() || !sendsInApp()) return;
  if (!globalForSender.outboxSender) wakeOutboxSender();
  // Housekeeping rides along with the sender: a server without a worker still clears expired rows
  // and puts expired holds back on sale within a minute (checkout itself no longer does).
  // Its cache learns of tickets back on sale through the same signed route the worker uses.
  globalForSender.housekeeping ??= startHousekeeping({
    intervalMs: 60_000,
    onHoldsReleased: (eventIds) => announceEventsChanged(eventIds),
  });
}

/** Stops the in-process sender (tests, and a server shutting down). */
export async function stopOutboxSender(): Promise<void> {
  const sender = globalForSender.outboxSender;
  const housekeeping = globalForSender.housekeeping;
  globalForSender.outboxSender = undefined;
  globalForSender.housekeeping = undefined;
  await Promise.all([sender?.stop(), housekeeping?.stop()]);
}
