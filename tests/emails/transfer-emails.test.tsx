import { renderOutboxEmail } from "@/emails/render";
import { TicketPassedOnEmail } from "@/emails/ticket-passed-on";
import { TicketReceivedEmail } from "@/emails/ticket-received";

const { locale: _l1, qrSrc: _qr, ...received } = TicketReceivedEmail.PreviewProps;
const { locale: _l2, ...passedOn } = TicketPassedOnEmail.PreviewProps;

describe("ticket received email", () => {
  it("gives the recipient the ticket: its code and QR code, the button to its own link, the PDF and the calendar file", async () => {
    const email = await renderOutboxEmail({ template: "ticket-received", locale: "sv", payload: received });
    expect(email.subject).toBe("Greta Köpare har gett dig en biljett till Vårkonsert i Stadshuset");
    expect(email.text).toContain("Hej Tove Vän, här är din biljett");
    expect(email.text).toContain(received.ticket.code);
    expect(email.html).toContain(`href="${received.ticketUrl.replace(/&/g, "&amp;")}"`);
    expect(email.html).toContain(`cid:qr-${received.ticket.code}@biljett`);
    expect(email.attachments.map((file) => file.contentType)).toEqual([
      "image/png",
      "application/pdf",
      "text/calendar; charset=utf-8; method=PUBLISH",
    ]);
    expect(email.replyTo).toBe(received.replyTo);
  });

  it("speaks English to a recipient passed a ticket from an English page", async () => {
    const email = await renderOutboxEmail({ template: "ticket-received", locale: "en", payload: received });
    expect(email.subject).toBe("Greta Köpare has given you a ticket for Vårkonsert i Stadshuset");
    expect(email.text).toContain("Show the ticket");
  });
});

describe("ticket passed on email", () => {
  it("tells the sender what went to whom, without the code or a link to the ticket", async () => {
    const email = await renderOutboxEmail({ template: "ticket-passed-on", locale: "sv", payload: passedOn });
    expect(email.subject).toBe("Du har lämnat över en biljett till Vårkonsert i Stadshuset");
    expect(email.text).toContain("Du lämnade över en biljett (Parkett) till Vårkonsert i Stadshuset till Tove Vän.");
    expect(email.text).toContain("kan inte tas tillbaka");
    expect(email.html).not.toContain("/tickets/");
    expect(email.attachments).toEqual([]);
  });
});
