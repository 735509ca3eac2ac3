// Queues emails in the caller's transaction: they exist exactly when the change they report
// was committed, and a sender delivers them afterwards.
import type { DbTransaction } from "../db/client";
import type { Locale } from "../db/types";
import type { EmailPayloads, EmailTemplate } from "./templates";

export type QueuedEmail<T extends EmailTemplate = EmailTemplate> = {
  template: T;
  to: string;
  /** The recipient's name for the To header, when known. */
  toName?: string | null;
  locale: Locale;
  payload: EmailPayloads[T];
  /** Queued at most once per key; a second call with the same key is ignored. */
  dedupeKey?: string;
};

export async function enqueueEmails(tx: DbTransaction, emails: QueuedEmail[]): Promise<void> {
  if (emails.length === 0) return;
  await tx.outboxEmail.createMany({
    data: emails.map((email) => ({
      template: email.template,
      to: email.to,
      toName: email.toName ?? null,
      locale: email.locale,
      payload: email.payload as object,
      dedupeKey: email.dedupeKey ?? null,
    })),
    skipDuplicates: true,
  });
}
