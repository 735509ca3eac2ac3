import { Button } from "@/components/ui/button";
import { find, findAll, render } from "./render";

describe("Button", () => {
  it("is a button that does not submit forms unless asked to", () => {
    expect(find(render(<Button>Spara</Button>), "button", { type: "button" }).text).toBe("Spara");
    expect(findAll(render(<Button type="submit">Spara</Button>), "button")[0].attributes.type).toBe("submit");
  });

  it("becomes a link when given an href", () => {
    const html = render(<Button href="/events">Evenemang</Button>);
    expect(findAll(html, "button")).toHaveLength(0);
    const link = find(html, "a", { href: "/events" });
    expect(link.text).toBe("Evenemang");
    expect(link.attributes.type).toBeUndefined();
  });

  it("shows a visible focus ring and keeps a 44 px touch target at the default size", () => {
    const classes = find(render(<Button>OK</Button>), "button").attributes.class.split(" ");
    expect(classes).toEqual(expect.arrayContaining(["focus-visible:outline-2", "min-h-11"]));
  });

  it("styles variants and sizes", () => {
    const classes = find(
      render(
        <Button variant="danger" size="lg">
          Ta bort
        </Button>,
      ),
      "button",
    ).attributes.class.split(" ");
    expect(classes).toEqual(expect.arrayContaining(["bg-red-700", "text-white", "min-h-12"]));
  });

  it("passes its own classes and attributes through", () => {
    const button = find(
      render(
        <Button className="mt-4" disabled aria-describedby="why">
          Betala
        </Button>,
      ),
      "button",
    );
    expect(button.attributes.class.split(" ")).toContain("mt-4");
    expect(button.attributes).toMatchObject({ disabled: "", "aria-describedby": "why" });
  });
});
