import { SiteHeader } from "@/components/site/site-header";
import { UserMenu } from "@/components/site/user-menu";
import { find, findAll, render } from "./render";

describe("SiteHeader", () => {
  it("links home and to the events, and offers signing in: the server's header is the same for everybody", () => {
    const html = render(<SiteHeader />);
    expect(find(html, "a", { href: "/" }).attributes["aria-label"]).toBe("Biljett, till startsidan");
    expect(find(html, "nav").attributes["aria-label"]).toBe("Huvudmeny");
    expect(find(html, "a", { href: "/events" }).text).toBe("Evenemang");
    expect(find(html, "a", { href: "/login" }).text).toBe("Logga in");
    expect(findAll(html, "button")).toHaveLength(0);
  });

  it("speaks English on English pages, with links that stay in English", () => {
    const html = render(<SiteHeader />, "en");
    expect(find(html, "a", { href: "/en" }).attributes["aria-label"]).toBeDefined();
    expect(find(html, "a", { href: "/en/events" }).text).toBe("Events");
    expect(find(html, "a", { href: "/en/login" }).text).toBe("Sign in");
  });
});

describe("UserMenu", () => {
  it("shows a signed-in user's name, initials and account menu", () => {
    const html = render(<UserMenu user={{ name: "Anna Berg", email: "anna@example.com", image: null }} />);
    const trigger = find(html, "button", { "aria-haspopup": "menu" });
    expect(trigger.attributes["aria-label"]).toBe("Kontomeny för Anna Berg");
    expect(trigger.text).toBe("Anna Berg");
    expect(html).toContain('data-initials="AB"');
    const items = [...findAll(html, "a"), ...findAll(html, "button")]
      .filter((element) => element.attributes.role === "menuitem")
      .map((element) => [element.attributes.href, element.text]);
    expect(items).toEqual([
      ["/account/tickets", "Mina biljetter"],
      ["/account/liked", "Gillade evenemang"],
      ["/account/profile", "Profil"],
      ["/account/public-profile", "Offentlig profil"],
      [undefined, "Logga ut"],
    ]);
    expect(find(html, "form").attributes).toMatchObject({ action: "/logout", method: "post" });
  });

  it("shows the picture of a user who has one, and the email of one without a name", () => {
    const html = render(<UserMenu user={{ name: null, email: "kim@example.com", image: "/avatars/kim.png" }} />);
    expect(find(html, "img").attributes).toMatchObject({ src: "/avatars/kim.png", alt: "" });
    expect(find(html, "button", { "aria-haspopup": "menu" }).attributes["aria-label"]).toBe("Kontomeny för kim@example.com");
  });
});
