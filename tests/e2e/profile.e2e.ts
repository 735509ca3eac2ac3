// Someone signs in with an emailed link, sets a name and a picture, makes a public profile, and
// a signed-out visitor sees it at /u/<handle>: the name, picture and bio, never the email.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "@playwright/test";
import sharp from "sharp";
import { localizePath } from "../../lib/i18n/paths";
import { expectNoAxeViolations } from "./axe";
import { collectPageErrors, type Locale, type Device } from "./browser";
import { expect, test } from "./fixtures";
import { linkInNewestEmail, signInWithEmailLink } from "./journey";

let dir: string;
test.beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "profile-e2e-"));
});
test.afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const words = {
  sv: {
    menu: /^Kontomeny för/,
    name: "Namn",
    language: "Språk",
    languageOption: "Svenska",
    save: "Spara",
    saved: "Klart! Dina uppgifter är sparade.",
    file: "Välj en bild",
    upload: "Ladda upp bilden",
    pictureSaved: "Klart! Din nya profilbild är sparad.",
    handle: "Användarnamn",
    bio: "Om dig",
    public: "Visa min profil för alla",
    isPublic: "Din profil är offentlig.",
    preview: "Visa din offentliga profil",
    pictureAlt: (name: string) => `Profilbild för ${name}`,
  },
  en: {
    menu: /^Account menu for/,
    name: "Name",
    language: "Language",
    languageOption: "English",
    save: "Save",
    saved: "Done! Your details are saved.",
    file: "Choose a picture",
    upload: "Upload the picture",
    pictureSaved: "Done! Your new profile picture is saved.",
    handle: "Username",
    bio: "About you",
    public: "Show my profile to everyone",
    isPublic: "Your profile is public.",
    preview: "View your public profile",
    pictureAlt: (name: string) => `Profile picture of ${name}`,
  },
} as const;

async function journey(page: Page, visitorPage: Page, locale: Locale, viewport: Device) {
  const w = words[locale];
  const errors = collectPageErrors(page);
  const stamp = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
  const email = `profil.${locale}.${stamp}@example.se`;
  const name = locale === "sv" ? "Märta Wallin" : "Martha Wallace";
  const handle = `Marta_${locale}_${stamp}`.slice(0, 30);
  const bio = locale === "sv" ? "Jag går på jazzkonserter varje vecka." : "I go to jazz concerts every week.";

  await signInWithEmailLink(page, locale, email);

  // Name and language.
  await page.goto("/account/profile");
  await page.getByLabel(w.name, { exact: true }).fill(name);
  await page.getByLabel(w.language, { exact: true }).selectOption({ label: w.languageOption });
  await page.getByRole("button", { name: w.save, exact: true }).click();
  await page.getByText(w.saved).waitFor();
  expect(await page.getByLabel(w.name, { exact: true }).inputValue()).toBe(name);

  // A picture made on the fly.
  const picture = path.join(dir, `avatar-${locale}-${viewport}.png`);
  writeFileSync(
    picture,
    await sharp({ create: { width: 300, height: 200, channels: 3, background: { r: 230, g: 120, b: 20 } } })
      .png()
      .toBuffer(),
  );
  await page.getByLabel(w.file).setInputFiles(picture);
  await page.getByRole("button", { name: w.upload }).click();
  await page.getByText(w.pictureSaved).waitFor();
  await page.getByRole("button", { name: w.menu }).locator("img").waitFor();

  // The public profile.
  await page.goto("/account/public-profile");
  await page.getByLabel(new RegExp(`^${w.handle}`)).fill(handle);
  await page.getByLabel(new RegExp(`^${w.bio}`)).fill(bio);
  await page.getByLabel(w.public).check();
  await page.getByRole("button", { name: w.save, exact: true }).click();
  await page.getByText(w.isPublic).waitFor();
  expect(await page.getByRole("link", { name: w.preview }).getAttribute("href")).toBe(localizePath(`/u/${handle.toLowerCase()}`, locale));

  // The footer's language switcher changes the account's language too (the emails follow it).
  const other = locale === "sv" ? "en" : "sv";
  await page.goto("/account/profile");
  await page.getByRole("contentinfo").getByRole("button", { name: words[other].languageOption, exact: true }).click();
  await page.getByLabel(words[other].language, { exact: true }).waitFor();
  expect(await page.getByLabel(words[other].language, { exact: true }).inputValue()).toBe(other);
  expect(errors).toEqual([]);

  // A visitor who is not signed in, typing the handle in another letter case.
  const visitorErrors = collectPageErrors(visitorPage);
  const response = await visitorPage.goto(`/u/${handle.toUpperCase()}`);
  expect(response?.status()).toBe(200);
  await visitorPage.getByRole("heading", { name, level: 1 }).waitFor();
  await visitorPage.getByText(bio).waitFor();
  const image = visitorPage.getByRole("img", { name: w.pictureAlt(name) });
  const src = await image.getAttribute("src");
  expect(src).toMatch(/^\/media\/[0-9a-f-]{36}$/);
  expect(await image.evaluate((element) => (element as HTMLImageElement).naturalWidth)).toBe(512);
  const media = await visitorPage.request.get(src!);
  expect(media.headers()["content-type"]).toBe("image/webp");
  expect(media.headers()["x-content-type-options"]).toBe("nosniff");
  await expectNoAxeViolations(visitorPage, "/u/<handle>");
  const html = await visitorPage.content();
  expect(html).not.toContain(email);
  expect(html).not.toContain(email.split("@")[0]);

  // An unknown handle is simply not found.
  expect((await visitorPage.goto(`/u/ingen_${stamp}`))?.status()).toBe(404);
  expect(visitorErrors).toEqual([]);
}

test.describe("profile and public profile", () => {
  test("name, picture, public profile, seen signed out", async ({ page, newContext, lang, device }) => {
    await journey(page, await (await newContext()).newPage(), lang, device);
  });

  test("changes the email address only once the link sent to it is used", { tag: "@sv-desktop" }, async ({ page }) => {
    const errors = collectPageErrors(page);
    const stamp = `${Date.now()}`;
    const oldEmail = `gammal.${stamp}@example.se`;
    const newEmail = `ny.${stamp}@example.se`;
    await signInWithEmailLink(page, "sv", oldEmail);

    await page.goto("/account/profile");
    await page.getByRole("link", { name: "Byt e-postadress" }).click();
    await page.getByLabel(/^Ny e-postadress/).fill(newEmail);
    await page.getByRole("button", { name: "Skicka länken" }).click();
    await page.getByText(`Vi har skickat en länk till ${newEmail}.`, { exact: false }).waitFor();
    await page.goto("/account/profile");
    await page.getByText(`Du loggar in och får dina biljetter på ${oldEmail}.`).waitFor();

    const confirmUrl = await linkInNewestEmail(page, newEmail, /^Bekräfta din nya e-postadress/, /^Bekräfta ny e-postadress$/);
    expect(confirmUrl).toMatch(/\/account\/email\/confirm\?token=/);
    // Opening the link twice uses nothing up; only the button does.
    await page.goto(confirmUrl);
    await page.reload();
    await page.getByText(`Vill du byta ditt kontos e-postadress till ${newEmail}?`).waitFor();
    await page.getByRole("button", { name: "Byt e-postadress" }).click();
    await page.getByText("Klart! Din e-postadress är ändrad.", { exact: false }).waitFor();
    await page.getByText(`Du loggar in och får dina biljetter på ${newEmail}.`).waitFor();

    // The old address is told; the link does not work a second time.
    await linkInNewestEmail(page, oldEmail, /^E-postadressen för ditt konto på Biljett har ändrats/, /./);
    await page.goto(confirmUrl);
    await page.getByText(/^Länken fungerar inte\./).waitFor();
    expect(errors).toEqual([]);
  });

  test("without JavaScript: a photo over 5 MB gets the size message, not an error page", { tag: "@sv-desktop" }, async ({ newContext }) => {
    const withScript = await newContext();
    const setup = await withScript.newPage();
    await signInWithEmailLink(setup, "sv", `stor.bild.${Date.now()}@example.se`);
    const cookies = await withScript.cookies();
    await withScript.close();

    const context = await newContext({ javaScript: false });
    await context.addCookies(cookies);
    const page = await context.newPage();
    // A camera JPEG's first bytes, then noise: refused by its size before anything is decoded.
    const photo = (name: string, megabytes: number) => {
      const file = path.join(dir, name);
      writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(megabytes * 1024 * 1024, 7)]));
      return file;
    };
    // A little over the limit: the action answers, next to the field.
    await page.goto("/account/profile");
    await page.getByLabel(words.sv.file).setInputFiles(photo("lite-stor.jpg", 5.5));
    await page.getByRole("button", { name: words.sv.upload }).click();
    await page.getByText("Bilden är för stor. Välj en bild på högst 5 MB.").waitFor();

    // Far over it: the server refuses the body at the door, with a page about the picture
    // and the way back to the form.
    await page.goto("/account/profile");
    await page.getByLabel(words.sv.file).setInputFiles(photo("stor.jpg", 9));
    await page.getByRole("button", { name: words.sv.upload }).click();
    await page.getByRole("heading", { name: "Bilden är för stor" }).waitFor();
    await page.getByText("Bilden du valde är större än 5 MB").waitFor();
    await page.getByRole("link", { name: "Tillbaka till profilen" }).click();
    await page.getByLabel(words.sv.file).waitFor();
  });
});
