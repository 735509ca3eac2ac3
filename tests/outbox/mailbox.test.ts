import { useTestDatabase } from "../helpers/test-db";
import { db } from "@/lib/db/client";
import { getMailboxAttachment, getMailboxEmail, listMailbox } from "@/lib/outbox/mailbox";
import { enqueueEmails } from "@/lib/outbox/queue";
import { OrderConfirmationEmail } from "@/emails/order-confirmation";

useTestDatabase();

beforeAll(async () => {
  const { qrSrc, locale, ...payload } = OrderConfirmationEmail.PreviewProps;
  await db.$transaction((tx) =>
    enqueueEmails(tx, [
      { template: "order-confirmation", to: "kalle@example.se", locale: "sv", payload },
      { template: "welcome", to: "asa@example.se", locale: "en", payload: { name: "Åsa", setPasswordUrl: "http://localhost:3000/x" } },
    ]),
  );
});

describe("the demo mailbox", () => {
  it("lists every queued email with its subject, newest first, and filters by recipient", async () => {
    const all = await listMailbox();
    expect(all?.map((e) => e.to).sort()).toEqual(["asa@example.se", "kalle@example.se"]);
    const mine = await listMailbox({ to: " Kalle@Example.se " });
    expect(mine).toHaveLength(1);
    expect(mine![0].subject).toBe("Dina biljetter till Vårkonsert med Göteborgs symfoniker (order 7KQ2M9XD)");
  });

  it("shows an email as sent, with its QR codes inline and its PDF", async () => {
    const [entry] = (await listMailbox({ to: "kalle@example.se" }))!;
    const email = await getMailboxEmail(entry.id);
    expect(email?.html).toContain("data:image/png;base64,");
    expect(email?.attachments.map((a) => a.contentType)).toEqual(["application/pdf", "text/calendar; charset=utf-8; method=PUBLISH"]);
    const pdf = await getMailboxAttachment(entry.id, 0);
    expect(pdf?.content.subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("finds nothing for an unknown or malformed id", async () => {
    expect(await getMailboxEmail("00000000-0000-0000-0000-000000000000")).toBeNull();
    expect(await getMailboxEmail("../../etc/passwd")).toBeNull();
    expect(await getMailboxAttachment("00000000-0000-0000-0000-000000000000", 0)).toBeNull();
  });
});
