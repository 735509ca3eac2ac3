// Queues emails in the caller's transaction: they exist exactly when the change they report
// was committed, and a sender delivers them afterwards.
import type { DbTransaction } from "../db/client";
import type { Locale } from "../db/types";
import type { EmailPayloads, EmailTemplate } from "./templates";

/**
 * One email to queue. Without a type argument it is the union over all templates, each with
 * its own payload: an unknown template, or a payload of another template, is a type error.
 */
export type QueuedEmail<T extends EmailTemplate = EmailTemplate> = {
  [K in T]: {
    template: K;
    to: string;
    /** The recipient's name for the To header, when known. */
    toName?: string | null;
    locale: Locale;
    payload: EmailPayloads[K];
    /** Queued at most once per key; a second call with the same key is ignored. */
    dedupeKey?: string;
  };
}[T];

export async function enqueueEmails(tx: DbTransaction, emails: QueuedEmail[]): Promise<void> {
  if (emails.length === 0) return;
  await tx.outboxEmail.createMany({
    data: emails.map((email) => ({
      template: email.template,
      to: email.to,
      toName: email.toName ?? null,
      locale: email.locale,
      payload: email.payload,
      dedupeKey: email.dedupeKey ?? null,
    })),
    skipDuplicates: true,
  });
}
