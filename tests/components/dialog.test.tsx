import { Dialog } from "@/components/ui/dialog";
import { find, render } from "./render";

describe("Dialog", () => {
  it("is a native dialog named by its title and described by its description", () => {
    const html = render(
      <Dialog open={false} onClose={() => {}} title="Avboka biljett?" description="Det går inte att ångra.">
        <p>Innehåll</p>
      </Dialog>,
    );
    const dialog = find(html, "dialog");
    expect(find(html, "h2", { id: dialog.attributes["aria-labelledby"] }).text).toBe("Avboka biljett?");
    expect(find(html, "p", { id: dialog.attributes["aria-describedby"] }).text).toBe("Det går inte att ångra.");
    // Closed until showModal() runs in the browser, which makes it modal.
    expect(dialog.attributes.open).toBeUndefined();
  });

  it("has no description reference without a description", () => {
    expect(find(render(<Dialog open={false} onClose={() => {}} title="T" />), "dialog").attributes["aria-describedby"]).toBeUndefined();
  });

  it("has a close button with a translated name", () => {
    expect(find(render(<Dialog open={false} onClose={() => {}} title="T" />), "button").text).toBe("Stäng");
    expect(find(render(<Dialog open={false} onClose={() => {}} title="T" />, "en"), "button").text).toBe("Close");
  });
});
