import { PDFDocument } from "pdf-lib";
import { renderOrderConfirmation, renderOutboxEmail, renderWelcome } from "@/emails/render";
import { OrderConfirmationEmail } from "@/emails/order-confirmation";
import { WelcomeEmail } from "@/emails/welcome";

const { qrSrc, locale, ...order } = OrderConfirmationEmail.PreviewProps;
const { locale: _welcomeLocale, ...welcome } = WelcomeEmail.PreviewProps;

describe("order confirmation email", () => {
  it("renders in Swedish with every ticket, its code and QR code, the total and the organizer", async () => {
    const email = await renderOrderConfirmation("sv", order);
    expect(email.subject).toBe("Dina biljetter till Vårkonsert med Göteborgs symfoniker (order 7KQ2M9XD)");
    expect(email.html).toContain('<html dir="ltr" lang="sv">');
    expect(email.html).not.toContain('lang="en"');
    expect(email.html).toContain("Tack för ditt köp, Åsa Berg!");
    for (const ticket of order.tickets) {
      expect(email.html).toContain(ticket.code);
      expect(email.html).toContain(`cid:qr-${ticket.code}@biljett`);
      expect(email.text).toContain(ticket.code);
    }
    expect(email.html).toMatch(/690\skr/);
    expect(email.html).toContain("lör 17 apr. 2027");
    expect(email.html).toContain("Konserthuset i Göteborg har fått ditt namn och din e-postadress");
    expect(email.html).toContain('href="http://localhost:3000/orders/7KQ2M9XD"');
  });

  it("renders in English for a buyer who bought in English", async () => {
    const email = await renderOrderConfirmation("en", order);
    expect(email.subject).toBe("Your tickets for Vårkonsert med Göteborgs symfoniker (order 7KQ2M9XD)");
    expect(email.html).toContain('lang="en"');
    expect(email.html).toContain("Thank you for your purchase, Åsa Berg!");
    expect(email.html).toMatch(/SEK\s690/);
    expect(email.html).toContain("Sat, Apr 17, 2027");
  });

  it("attaches the QR codes inline and the tickets as a PDF, one page each", async () => {
    const email = await renderOrderConfirmation("sv", order);
    const images = email.attachments.filter((a) => a.contentType === "image/png");
    expect(images.map((a) => a.cid).sort()).toEqual(order.tickets.map((t) => `qr-${t.code}@biljett`).sort());
    const pdf = email.attachments.find((a) => a.contentType === "application/pdf")!;
    expect(pdf.filename).toBe("biljetter-7KQ2M9XD.pdf");
    expect(pdf.content.subarray(0, 5).toString()).toBe("%PDF-");
    expect((await PDFDocument.load(pdf.content)).getPageCount()).toBe(order.tickets.length);
  });

  it("says Free for a free order, and inlines images as data URLs for previews", async () => {
    const free = { ...order, lines: [{ name: "Fri entré", quantity: 2, unitPriceMinor: 0 }], totalMinor: 0 };
    const email = await renderOrderConfirmation("sv", free, { inlineImages: "data-url" });
    expect(email.html).toContain("Gratis");
    expect(email.html).toContain("data:image/png;base64,");
    expect(email.attachments.filter((a) => a.contentType === "image/png")).toHaveLength(0);
  });

  it("stays far below the size at which Gmail clips a message", async () => {
    const many = {
      ...order,
      tickets: Array.from({ length: 10 }, (_, i) => ({ code: `3F7KQ2M9XDA4B8${String(i).padStart(2, "0")}`, typeName: "Ordinarie" })),
    };
    const email = await renderOrderConfirmation("sv", many);
    expect(Buffer.byteLength(email.html)).toBeLessThan(100_000);
  });
});

describe("welcome email", () => {
  it("invites the buyer to choose a password, in their language", async () => {
    const sv = await renderWelcome("sv", welcome);
    expect(sv.subject).toBe("Välkommen till Biljett – dina biljetter finns samlade här");
    expect(sv.html).toContain(`href="${welcome.setPasswordUrl}"`);
    expect(sv.html).toContain("Välj ett lösenord");
    expect(sv.text).toContain("Du behöver inte göra något");

    const en = await renderWelcome("en", welcome);
    expect(en.subject).toBe("Welcome to Biljett – your tickets in one place");
    expect(en.html).toContain("Choose a password");
  });

  it("escapes what a buyer typed", async () => {
    const email = await renderWelcome("sv", { ...welcome, name: '<script>alert("x")</script>' });
    expect(email.html).not.toContain("<script>alert");
    expect(email.html).toContain("&lt;script&gt;");
  });
});

describe("renderOutboxEmail", () => {
  it("refuses a template it does not know", async () => {
    await expect(renderOutboxEmail({ template: "nope", locale: "sv", payload: {} })).rejects.toThrow(/unknown email template/);
  });

  it("renders a queued row by its template", async () => {
    const email = await renderOutboxEmail({ template: "welcome", locale: "en", payload: welcome });
    expect(email.subject).toMatch(/^Welcome/);
    void qrSrc;
    void locale;
  });
});
