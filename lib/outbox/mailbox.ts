// The demo's mailbox: the outbox read back as a recipient would see it. Only available where
// mailboxEnabled() says so; every reader here checks that itself.
import "server-only";
import { isSingleLineText } from "../free-text";
import { resolveStoredEmail } from "../../emails/registry";
import { outboxEmailSubject, renderOutboxEmail } from "../../emails/render";
import { db } from "../db/client";
import { mailboxEnabled } from "../env";
import { isUuid } from "../ids";

export type MailboxEntry = {
  id: string;
  to: string;
  subject: string;
  template: string;
  status: string;
  createdAt: Date;
  sentAt: Date | null;
};

export async function listMailbox({ limit = 100, to }: { limit?: number; to?: string } = {}): Promise<MailboxEntry[] | null> {
  if (!mailboxEnabled()) return null;
  // No address holds a control character (and a NUL would make PostgreSQL refuse the query).
  if (to && !isSingleLineText(to)) return [];
  const rows = await db.outboxEmail.findMany({
    where: to ? { to: to.trim().toLowerCase() } : undefined,
    orderBy: { createdAt: "desc" },
    take: Math.min(limit, 500),
  });
  // Only the subject is needed here: rendering every body (QR codes, PDFs) would take seconds.
  // A row that names its order is read first; one made obsolete since shows its template.
  return Promise.all(
    rows.map(async (row) => ({
      id: row.id,
      to: row.to,
      template: row.template,
      status: row.status,
      createdAt: row.createdAt,
      sentAt: row.sentAt,
      subject: await resolveStoredEmail(row).then(outboxEmailSubject, () => `(${row.template})`),
    })),
  );
}

export async function getMailboxEmail(id: string) {
  if (!mailboxEnabled() || !isUuid(id)) return null;
  const row = await db.outboxEmail.findUnique({ where: { id } });
  if (!row) return null;
  const rendered = await renderOutboxEmail(await resolveStoredEmail(row), { inlineImages: "data-url" });
  return {
    id: row.id,
    to: row.to,
    status: row.status,
    createdAt: row.createdAt,
    subject: rendered.subject,
    html: rendered.html,
    text: rendered.text,
    attachments: rendered.attachments.map((attachment, index) => ({
      index,
      filename: attachment.filename,
      contentType: attachment.contentType,
      size: attachment.content.length,
    })),
  };
}

export async function getMailboxAttachment(id: string, index: number) {
  if (!mailboxEnabled() || !isUuid(id)) return null;
  const row = await db.outboxEmail.findUnique({ where: { id } });
  if (!row) return null;
  return (await renderOutboxEmail(await resolveStoredEmail(row), { inlineImages: "data-url" })).attachments[index] ?? null;
}
