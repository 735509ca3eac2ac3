import { EmailChangeEmail } from "@/emails/email-change";
import { EmailChangedEmail } from "@/emails/email-changed";
import { messageParagraphs, OrganizerMessageEmail } from "@/emails/organizer-message";
import { renderOutboxEmail } from "@/emails/render";
import { smtpTransport } from "@/lib/outbox/transport";
import { startSmtpServer, type TestSmtpServer } from "@/tests/helpers/smtp";

const { locale: _l1, ...emailChange } = EmailChangeEmail.PreviewProps;
const { locale: _l2, ...emailChanged } = EmailChangedEmail.PreviewProps;
const { locale: _l3, ...organizerMessage } = OrganizerMessageEmail.PreviewProps;

describe("email change emails", () => {
  it("asks the new address to confirm, says nothing changes before that and how long the link works", async () => {
    const email = await renderOutboxEmail({ template: "email-change", locale: "sv", payload: emailChange });
    expect(email.subject).toBe("Bekräfta din nya e-postadress på Biljett");
    expect(email.html).toContain(`href="${emailChange.confirmUrl}"`);
    expect(email.text).toContain("Ingenting ändras förrän du bekräftar.");
    expect(email.text).toContain("Länken gäller i 30 minuter och fungerar en gång.");
    expect(email.text).toContain("det gäller ditt konto");
    expect(email.text).not.toContain("angavs vid ett köp");
  });

  it("tells the old address in English when and to what the address was changed", async () => {
    const email = await renderOutboxEmail({ template: "email-changed", locale: "en", payload: { ...emailChanged, name: null } });
    expect(email.subject).toBe("The email address of your Biljett account has changed");
    expect(email.text).toContain("Hi,");
    expect(email.text).toContain("17 April 2027 at 18:05");
    expect(email.text).toContain(emailChanged.newEmail);
    expect(email.text).toContain("Wasn't it you?");
  });
});

describe("organizer message email", () => {
  it("keeps the organizer's paragraphs and line breaks and escapes their markup", async () => {
    expect(messageParagraphs("Rad ett\r\nrad två\n\n\n\nNytt stycke\n\n  \n")).toEqual([["Rad ett", "rad två"], ["Nytt stycke"]]);
    const email = await renderOutboxEmail({
      template: "organizer-message",
      locale: "sv",
      payload: { ...organizerMessage, body: "Ta med <b>legitimation</b> & biljett.\n\nVälkomna!" },
    });
    expect(email.subject).toBe("Göteborgs Symfoniker: Ändrad starttid");
    expect(email.html).toContain("Ta med &lt;b&gt;legitimation&lt;/b&gt; &amp; biljett.");
    expect(email.html).not.toContain("<b>legitimation</b>");
    expect(email.text).toContain(
      "Göteborgs Symfoniker skickar det här meddelandet till alla som har biljett till Beethovens nionde symfoni",
    );
    expect(email.text).toContain("B7K2-9QXM");
    expect(email.text).toContain("du har biljett till ett evenemang som Göteborgs Symfoniker arrangerar");
    expect(email.replyTo).toBe("biljetter@gso.example.se");
  });

  describe("over SMTP", () => {
    let smtp: TestSmtpServer;
    beforeAll(async () => {
      smtp = await startSmtpServer();
    });
    afterAll(async () => {
      await smtp.close();
    });

    it("arrives with Reply-To set to the organizer's address", async () => {
      const rendered = await renderOutboxEmail({ template: "organizer-message", locale: "en", payload: organizerMessage });
      const transport = smtpTransport(smtp.url);
      try {
        await transport.send({
          ...rendered,
          from: "Biljett <no-reply@biljett.test>",
          to: "asa.berg@example.se",
          messageId: "<m1@biljett.test>",
        });
      } finally {
        transport.close();
      }
      const [mail] = await smtp.waitFor(1);
      expect(mail.subject).toBe("Göteborgs Symfoniker: Ändrad starttid");
      expect(mail.replyTo?.value[0]?.address).toBe("biljetter@gso.example.se");
      expect(mail.text).toContain("Questions? Reply to this email to reach Göteborgs Symfoniker directly.");
    });
  });
});
