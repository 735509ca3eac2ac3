// The reminder before an event: about a day before it starts, everyone holding a valid ticket of
// a paid order (one email per address, by the ownership rule, lib/ownership/event-recipients.ts)
// gets the time, the place and their own link to the tickets. Run by housekeeping, so on every
// server and the worker at once: each event is taken under its row lock with SKIP LOCKED, its
// emails are queued and it is marked done in one transaction, so it is reminded exactly once.
// Free of server-only code: `npm run worker` (plain Node) runs it.
import { db } from "../db/client";
import { enqueueEmails, type QueuedEmail } from "../outbox/queue";
import { eventSnapshotOf, type EventSnapshotRow } from "../outbox/templates";
import { organizerReplyTo } from "../organizers/contact-address";
import { eventRecipients } from "../ownership/event-recipients";

/** How long before the start the reminders go out. */
export const REMINDER_LEAD_MS = 24 * 60 * 60_000;
/**
 * Closer to the start than this, nobody is reminded any more (the worker was down, or the event
 * was published late): a reminder an hour before the doors open tells nobody anything in time.
 */
export const REMINDER_LATEST_MS = 60 * 60_000;
/** Events reminded per run at most; the next run takes the rest. */
const EVENTS_PER_RUN = 20;

type EventToRemind = EventSnapshotRow & {
  id: string;
  organizerName: string;
  organizerEmail: string;
  organizerContactEmail: string | null;
};

export type ReminderRunReport = { events: number; emails: number };

/** What every reminder of an event has its dedupe key start with (cancelling the event withdraws the unsent ones). */
export function reminderKeyPrefix(eventId: string): string {
  return `event-reminder:${eventId}:`;
}

/**
 * Queues the reminders of every published event that starts between REMINDER_LATEST_MS and
 * REMINDER_LEAD_MS from `now` and has not been reminded. Safe to call from any number of
 * processes at once: an event another one is reminding is skipped, and found done afterwards.
 */
export async function queueEventReminders(now = new Date()): Promise<ReminderRunReport> {
  const report: ReminderRunReport = { events: 0, emails: 0 };
  for (let run = 0; run < EVENTS_PER_RUN; run++) {
    const emails = await remindNextEvent(now);
    if (emails === null) break;
    report.events += 1;
    report.emails += emails;
  }
  return report;
}

/** Reminds one event that is due: the number of emails queued, or null when none is due. */
async function remindNextEvent(now: Date): Promise<number | null> {
  const earliest = new Date(now.getTime() + REMINDER_LATEST_MS);
  const latest = new Date(now.getTime() + REMINDER_LEAD_MS);
  return db.$transaction(async (tx) => {
    // NO KEY UPDATE: checkouts for the event (whose orders only take a key share of its row)
    // go on meanwhile; a cancellation (FOR UPDATE) waits, and a cancelled event is not due.
    const [event] = await tx.$queryRaw<EventToRemind[]>`
      SELECT e."id"::text AS "id", e."title", e."venue", e."address", e."city", e."startsAt", e."endsAt", e."timeZone",
             o."name" AS "organizerName", o."email" AS "organizerEmail", o."contactEmail" AS "organizerContactEmail"
        FROM "Event" e JOIN "Organizer" o ON o."id" = e."organizerId"
       WHERE e."status" = 'PUBLISHED' AND e."remindersQueuedAt" IS NULL
         AND e."startsAt" > ${earliest} AND e."startsAt" <= ${latest}
       ORDER BY e."startsAt", e."id"
       LIMIT 1
         FOR NO KEY UPDATE OF e SKIP LOCKED`;
    if (!event) return null;
    const recipients = await eventRecipients(tx, event.id);
    const replyTo = organizerReplyTo({ email: event.organizerEmail, contactEmail: event.organizerContactEmail });
    const emails: QueuedEmail<"event-reminder">[] = recipients.map((recipient) => ({
      template: "event-reminder",
      to: recipient.email,
      toName: recipient.name,
      locale: recipient.locale,
      dedupeKey: `${reminderKeyPrefix(event.id)}${recipient.email}`,
      payload: {
        organizerName: event.organizerName,
        replyTo,
        holderName: recipient.holderName,
        orderNumber: recipient.orderNumber,
        event: eventSnapshotOf(event),
        link: recipient.link,
        linkTo: recipient.key.startsWith("ticket:") ? "ticket" : "order",
      },
    }));
    await enqueueEmails(tx, emails);
    await tx.$executeRaw`UPDATE "Event" SET "remindersQueuedAt" = ${now} WHERE "id" = ${event.id}::uuid`;
    return emails.length;
  });
}
