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

describe("magic link email for choosing a password", () => {
  it("has its own subject, heading and button for a new password, and says the old one still works", async () => {
    const email = await renderMagicLink("sv", { ...magicLink, purpose: "new-password" });
    expect(email.subject).toBe("Välj ett nytt lösenord på Biljett");
    expect(email.html).toContain("Välj ett nytt lösenord</");
    expect(email.html).toContain("Välj nytt lösenord</");
    expect(email.html).toContain(`href="${escapedUrl}"`);
    expect(email.text).toContain("Ditt nuvarande lösenord gäller tills du har valt ett nytt.");
    expect(email.text).toContain("Länken gäller i 15 minuter och fungerar en gång.");
    expect(email.text).not.toContain("Logga in på Biljett");
  });

  it("asks for a first password in English, and a row without a purpose stays a sign-in link", async () => {
    const email = await renderOutboxEmail({ template: "magic-link", locale: "en", payload: { ...magicLink, purpose: "first-password" } });
    expect(email.subject).toBe("Choose a password for Biljett");
    expect(email.html).toContain("Choose a password</");
    expect(email.text).toContain("Your tickets are valid with or without a password.");
    const { purpose: _purpose, ...older } = magicLink;
    expect((await renderOutboxEmail({ template: "magic-link", locale: "en", payload: older })).subject).toBe(
      "Your sign-in link for Biljett",
    );
  });
});

describe("password set email for a first password", () => {
  it("says you have chosen a password, without the alarm of a change", async () => {
    const email = await renderPasswordSet("sv", { ...passwordSet, firstPassword: true });
    expect(email.subject).toBe("Du har valt ett lösenord på Biljett");
    expect(email.html).toContain("Du har valt ett lösenord</");
    expect(email.text).toContain("17 april 2027 kl. 18:05");
    expect(email.text).not.toContain("har ändrats");
    expect(email.text).not.toContain("Var det inte du?");
  });

  it("in English too, while a change keeps its warning", async () => {
    const first = await renderOutboxEmail({ template: "password-set", locale: "en", payload: { ...passwordSet, firstPassword: true } });
    expect(first.subject).toBe("You have chosen a password for Biljett");
    expect(first.text).not.toContain("Wasn't it you?");
    const change = await renderOutboxEmail({ template: "password-set", locale: "en", payload: { ...passwordSet, firstPassword: false } });
    expect(change.subject).toBe("Your Biljett password was changed");
    expect(change.text).toContain("Wasn't it you?");
  });
});
