import { renderMagicLink, renderOutboxEmail, renderPasswordSet } from "@/emails/render";
import { MagicLinkEmail } from "@/emails/magic-link";
import { PasswordSetEmail } from "@/emails/password-set";

const { locale: _l1, ...magicLink } = MagicLinkEmail.PreviewProps;
const { locale: _l2, ...passwordSet } = PasswordSetEmail.PreviewProps;
const escapedUrl = magicLink.url.replaceAll("&", "&amp;");

describe("magic link email", () => {
  it("renders in Swedish with a button to the link, its lifetime, single use and that it can be ignored", async () => {
    const email = await renderMagicLink("sv", magicLink);
    expect(email.subject).toBe("Din inloggningslänk till Biljett");
    expect(email.html).toContain('lang="sv"');
    expect(email.html).toContain(`href="${escapedUrl}"`);
    expect(email.html).toContain("Logga in</");
    expect(email.text).toContain("Länken gäller i 15 minuter och fungerar en gång.");
    expect(email.text).toContain("strunta i det här mejlet");
    expect(email.attachments).toEqual([]);
  });

  it("renders in English", async () => {
    const email = await renderOutboxEmail({ template: "magic-link", locale: "en", payload: magicLink });
    expect(email.subject).toBe("Your sign-in link for Biljett");
    expect(email.html).toContain('lang="en"');
    expect(email.text).toContain("The link works for 15 minutes and can be used once.");
    expect(email.text).toContain("ignore this email");
    // The link opens in the email's language, and so does the page it leads back to.
    const english = new URL(magicLink.url);
    english.pathname = `/en${english.pathname}`;
    english.searchParams.set("callbackUrl", "/en");
    expect(email.text).toContain(english.toString());
  });
});

describe("password set email", () => {
  it("renders in Swedish with when it happened in Swedish time and what to do if it was not them", async () => {
    const email = await renderPasswordSet("sv", passwordSet);
    expect(email.subject).toBe("Ditt lösenord på Biljett har ändrats");
    expect(email.html).toContain('lang="sv"');
    expect(email.text).toContain("Hej Åsa Berg!");
    expect(email.text).toContain("17 april 2027 kl. 18:05");
    expect(email.text).toContain("Var det inte du?");
    expect(email.html).toContain('href="http://localhost:3000/login"');
  });

  it("renders in English, and greets without a name when there is none", async () => {
    const email = await renderOutboxEmail({ template: "password-set", locale: "en", payload: { ...passwordSet, name: null } });
    expect(email.subject).toBe("Your Biljett password was changed");
    expect(email.html).toContain('lang="en"');
    expect(email.text).toContain("Hi,");
    expect(email.text).toContain("17 April 2027 at 18:05");
    expect(email.text).toContain("Wasn't it you?");
  });
});
