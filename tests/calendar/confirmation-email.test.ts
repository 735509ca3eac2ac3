import { databaseKind, useTestDatabase } from "../helpers/test-db";
import { startSmtpServer, type TestSmtpServer } from "../helpers/smtp";
import { createOrder, createUser, eventIn } from "../tickets/fixtures";
import { component, property, readIcs } from "./read-ics";
import { db } from "@/lib/db/client";
import { orderUrl } from "@/lib/orders/order-links";
import { outboxSenderOptions } from "@/lib/outbox/in-app";
import { enqueueEmails } from "@/lib/outbox/queue";
import { deliverDueEmails } from "@/lib/outbox/sender";
import { smtpTransport, type MailTransport } from "@/lib/outbox/transport";

useTestDatabase();

let smtp: TestSmtpServer;
let transport: MailTransport;

beforeAll(async () => {
  smtp = await startSmtpServer();
  transport = smtpTransport(smtp.url);
});
afterAll(async () => {
  transport.close();
  await smtp.close();
});

describe(`the order confirmation's calendar file (${databaseKind})`, () => {
  it("goes out attached to the email, with the event's zone and the order's signed link in the reader's language", async () => {
    const user = await createUser();
    const event = await eventIn(9, "Höstkonsert");
    await db.event.update({ where: { id: event.eventId }, data: { address: "Västra Ågatan 16", timeZone: "Europe/Stockholm" } });
    const order = await createOrder({ ...event, userId: user.id, buyerEmail: user.email });
    await db.$transaction((tx) =>
      enqueueEmails(tx, [
        {
          template: "order-confirmation",
          to: user.email,
          locale: "en", // What checkout queues (checkout_finalize in SQL): the order named, not its snapshot.
          payload: { orderId: order.id, buyerEmail: user.email } as never,
        },
      ]),
    );

    // The sender's own options (lib/outbox/in-app.ts), over SMTP to the test server.
    const report = await deliverDueEmails({ ...outboxSenderOptions(), transport, log: () => {} });
    expect(report).toEqual({ sent: 1, retrying: 0, failed: 0 });
    const [mail] = await smtp.waitFor(1);
    const attachment = mail.attachments.find((a) => a.contentType === "text/calendar");
    expect(attachment?.filename).toBe(`event-${order.number}.ics`);
    expect(mail.attachments.map((a) => a.contentType)).toContain("application/pdf");

    const all = readIcs(attachment!.content.toString("utf8"));
    expect(property(component(all, "VTIMEZONE"), "TZID").value).toBe("Europe/Stockholm");
    const entry = component(all, "VEVENT");
    const { startsAt, endsAt } = await db.event.findUniqueOrThrow({ where: { id: event.eventId } });
    const stockholm = (date: Date) =>
      new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", dateStyle: "short", timeStyle: "medium" })
        .format(date)
        .replace(/[-: ]/g, (c) => (c === " " ? "T" : ""));
    expect(property(entry, "DTSTART")).toEqual({ name: "DTSTART", params: { TZID: "Europe/Stockholm" }, value: stockholm(startsAt) });
    expect(property(entry, "DTEND").value).toBe(stockholm(endsAt));
    expect(property(entry, "SUMMARY").value).toBe("Höstkonsert");
    expect(property(entry, "LOCATION").value).toBe("Stora salen, Västra Ågatan 16, Uppsala");
    const link = orderUrl(order).replace("http://localhost:3000/", "http://localhost:3000/en/");
    expect(property(entry, "URL").value).toBe(link);
    expect(property(entry, "DESCRIPTION").value).toContain(`Order ${order.number}`);
  });
});
