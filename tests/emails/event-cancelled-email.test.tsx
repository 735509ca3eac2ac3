import { renderOutboxEmail } from "@/emails/render";
import { EventCancelledEmail } from "@/emails/event-cancelled";

const { locale: _locale, ...payload } = EventCancelledEmail.PreviewProps;

describe("event cancelled email", () => {
  it("brings the organizer's message, says the whole amount goes back and links to the order", async () => {
    const email = await renderOutboxEmail({ template: "event-cancelled", locale: "sv", payload });
    expect(email.subject).toBe("Inställt: Beethovens nionde symfoni");
    expect(email.text).toContain("Hej Åsa Berg!");
    expect(email.text).toContain("Göteborgs Symfoniker har tyvärr ställt in Beethovens nionde symfoni.");
    expect(email.text).toContain("Dirigenten har blivit sjuk och vi hittar ingen ersättare.");
    expect(email.text).toMatch(/Du får tillbaka hela beloppet, 690\skr, till kortet du betalade med\./);
    expect(email.text).toContain("Beställning 7KQ2M9XD");
    expect(email.html).toContain(`href="${payload.link.replace(/&/g, "&amp;")}"`);
    expect(email.replyTo).toBe(payload.replyTo);
    expect(email.attachments).toEqual([]);
  });

  it("tells someone a ticket was passed on to that the money goes to the buyer, in English", async () => {
    const email = await renderOutboxEmail({
      template: "event-cancelled",
      locale: "en",
      payload: { ...payload, money: "buyer", link: "http://localhost:3000/tickets/x?key=y" },
    });
    expect(email.subject).toBe("Event cancelled: Beethovens nionde symfoni");
    expect(email.text).toContain("The money for the ticket goes back to whoever bought it.");
    expect(email.text).toContain("View the ticket");
  });

  it("says free tickets have nothing to refund", async () => {
    const email = await renderOutboxEmail({
      template: "event-cancelled",
      locale: "sv",
      payload: { ...payload, money: "free", refundMinor: 0 },
    });
    expect(email.text).toContain("Biljetterna var gratis, så det finns inget att betala tillbaka.");
    expect(email.text).not.toContain("690");
  });

  it("escapes what the organizer wrote", async () => {
    const email = await renderOutboxEmail({
      template: "event-cancelled",
      locale: "sv",
      payload: { ...payload, message: '<script>alert("x")</script>' },
    });
    expect(email.html).not.toContain("<script>");
  });
});
