// Where rendered emails go: an SMTP server, or (without SMTP_URL, in the demo) nowhere but the
// outbox itself, which /dev/mailbox shows.
import nodemailer from "nodemailer";
import type { RenderedEmail } from "./templates";

export type OutgoingEmail = RenderedEmail & { from: string; to: string; toName?: string | null; messageId: string };

/**
 * The To header's recipient: the address with the person's name when known. The name is
 * handed to nodemailer as data ({ name, address }), never pasted into a header string, so
 * quotes, commas and non-ASCII letters are quoted or encoded by it; line breaks and other
 * control characters, which no name needs, become spaces first.
 */
export function mailRecipient(address: string, name?: string | null): string | { name: string; address: string } {
  const clean = (name ?? "")
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 200);
  return clean ? { name: clean, address } : address;
}

export interface MailTransport {
  readonly kind: "smtp" | "mailbox";
  /** Delivers the email and returns the id the receiving server gave it. */
  send(email: OutgoingEmail): Promise<string>;
  close(): void;
}

// nodemailer waits up to 2 minutes to connect and 10 for a silent socket, longer than a
// sender's lease (2 minutes): a stalled server must fail the send before the lease runs out.
// Timeouts given in SMTP_URL's query (?socketTimeout=…) still win.
export const SMTP_TIMEOUTS = { connectionTimeout: 20_000, greetingTimeout: 15_000, socketTimeout: 45_000 };

export function smtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport({ ...SMTP_TIMEOUTS, url });
  return {
    kind: "smtp",
    async send(email) {
      const info = await transporter.sendMail({
        from: email.from,
        to: mailRecipient(email.to, email.toName),
        subject: email.subject,
        replyTo: email.replyTo,
        html: email.html,
        text: email.text,
        messageId: email.messageId,
        attachments: email.attachments.map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          content: a.content,
          cid: a.cid,
        })),
      });
      return info.messageId ?? email.messageId;
    },
    close() {
      transporter.close();
    },
  };
}

/** Keeps the email in the outbox, marked sent: the demo's mailbox page reads it from there. */
export function mailboxTransport(): MailTransport {
  return {
    kind: "mailbox",
    async send(email) {
      return email.messageId;
    },
    close() {},
  };
}
