import { UserMenu } from "@/components/site/user-menu";
import { findAll, render } from "../components/render";

const menuLinks = (html: string) =>
  findAll(html, "a")
    .filter((link) => link.attributes.role === "menuitem")
    .map((link) => [link.attributes.href, link.text]);

describe("UserMenu", () => {
  it("offers the organizer pages to a member of an organizer", () => {
    const html = render(<UserMenu user={{ name: "Karin Sjöberg", email: "karin@example.se", image: null, isOrganizer: true }} />);
    expect(menuLinks(html)).toContainEqual(["/organizer", "Arrangör"]);
    const english = render(<UserMenu user={{ name: "Karin Sjöberg", email: "karin@example.se", image: null, isOrganizer: true }} />, "en");
    expect(menuLinks(english)).toContainEqual(["/en/organizer", "Organizer"]);
  });

  it("shows no organizer link to a buyer", () => {
    const html = render(<UserMenu user={{ name: "Kalle", email: "kalle@example.se", image: null, isOrganizer: false }} />);
    expect(menuLinks(html).map(([href]) => href)).not.toContain("/organizer");
  });
});
