// The ticket PDF's fonts remember the strings they laid out (lib/tickets/documents/pdf.ts), so
// the emails of a rush shape their labels, event and terms once. What is remembered must be
// exactly what the font would give, and no more than REMEMBERED_LAYOUTS strings per font.
import { REMEMBERED_LAYOUTS, rememberingLayouts } from "@/lib/tickets/documents/pdf";

function countingFont() {
  const calls: unknown[][] = [];
  const font = {
    layout(text: string, ...rest: unknown[]) {
      calls.push([text, ...rest]);
      return { glyphs: [...text].map((char) => ({ id: char.codePointAt(0) })) };
    },
  };
  return { font: rememberingLayouts(font), calls };
}

describe("rememberingLayouts", () => {
  it("lays out each string once and hands back the same run", () => {
    const { font, calls } = countingFont();
    const first = font.layout("Biljettyp");
    expect(font.layout("Biljettyp")).toBe(first);
    expect(font.layout("Innehavare")).toEqual({ glyphs: [..."Innehavare"].map((char) => ({ id: char.codePointAt(0) })) });
    expect(calls).toEqual([["Biljettyp"], ["Innehavare"]]);
  });

  it("passes a layout with features or a script through, unremembered", () => {
    const { font, calls } = countingFont();
    font.layout("fi", ["liga"] as never);
    font.layout("fi", ["liga"] as never);
    expect(calls).toEqual([
      ["fi", ["liga"]],
      ["fi", ["liga"]],
    ]);
  });

  it("keeps the strings used last and lets the oldest go", () => {
    const { font, calls } = countingFont();
    font.layout("kept");
    for (let n = 1; n < REMEMBERED_LAYOUTS; n++) font.layout(`ticket ${n}`);
    // Used again, so it is now the newest: the next new string pushes out "ticket 1" instead.
    font.layout("kept");
    font.layout("one too many");
    calls.length = 0;
    font.layout("kept");
    font.layout(`ticket ${REMEMBERED_LAYOUTS - 1}`);
    expect(calls).toEqual([]);
    font.layout("ticket 1");
    expect(calls).toEqual([["ticket 1"]]);
  });
});
