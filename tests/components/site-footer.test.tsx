import { SiteFooter } from "@/components/site/site-footer";
import { find, findAll, render } from "./render";

describe("SiteFooter", () => {
  it("links to help and payments", () => {
    const html = render(<SiteFooter />);
    expect(find(html, "a", { href: "/help" }).text).toBe("Hjälp");
    expect(find(html, "a", { href: "/payments" }).text).toBe("Betalningar");
  });

  it("switches language with a form, one submit button per language, returning to the page", () => {
    const html = render(<SiteFooter />);
    expect(find(html, "legend").text).toBe("Språk");
    expect(find(html, "input", { type: "hidden", name: "returnTo" }).attributes.value).toBe("/");
    const buttons = findAll(html, "button").map(({ attributes, text }) => ({
      type: attributes.type,
      name: attributes.name,
      value: attributes.value,
      lang: attributes.lang,
      current: attributes["aria-current"],
      text,
    }));
    expect(buttons).toEqual([
      { type: "submit", name: "locale", value: "sv", lang: "sv", current: "true", text: "Svenska" },
      { type: "submit", name: "locale", value: "en", lang: "en", current: undefined, text: "English" },
    ]);
  });

  it("marks English as the current language for an English visitor", () => {
    expect(find(render(<SiteFooter />, "en"), "button", { value: "en" }).attributes["aria-current"]).toBe("true");
  });
});
