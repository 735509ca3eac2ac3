import { Menu, MenuFormItem, MenuLink, MenuSeparator } from "@/components/ui/menu";
import { find, findAll, render } from "./render";

const html = render(
  <Menu label="Kontomeny" trigger={<span>Anna</span>}>
    <MenuLink href="/account/tickets">Mina biljetter</MenuLink>
    <MenuSeparator />
    <MenuFormItem action="/logout">Logga ut</MenuFormItem>
  </Menu>,
);

describe("Menu", () => {
  it("renders a collapsed menu button controlling a hidden menu", () => {
    const button = find(html, "button", { "aria-haspopup": "menu" });
    expect(button.attributes).toMatchObject({ type: "button", "aria-expanded": "false", "aria-label": "Kontomeny" });
    const menu = find(html, "div", { role: "menu" });
    expect(menu.attributes.id).toBe(button.attributes["aria-controls"]);
    expect(menu.attributes["aria-labelledby"]).toBe(button.attributes.id);
    expect(menu.attributes.hidden).toBe("");
  });

  it("makes links and the sign-out button menu items, reached with arrow keys rather than Tab", () => {
    const link = find(html, "a", { role: "menuitem" });
    expect(link.attributes).toMatchObject({ href: "/account/tickets", tabindex: "-1" });
    expect(link.text).toBe("Mina biljetter");
    const signOut = find(html, "button", { role: "menuitem" });
    expect(signOut.attributes).toMatchObject({ type: "submit", tabindex: "-1" });
    expect(signOut.text).toBe("Logga ut");
    expect(find(html, "form").attributes).toMatchObject({ action: "/logout", method: "post" });
    expect(findAll(html, "div").filter((div) => div.attributes.role === "separator")).toHaveLength(1);
  });
});
