// Reads an iCalendar text back for the tests: unfolds continuation lines (RFC 5545 3.1), splits
// each property into name, parameters and value, and unescapes text values.
export type IcsProperty = { name: string; params: Record<string, string>; value: string };

export function readIcs(text: string): IcsProperty[] {
  expect(text).toMatch(/\r\n/);
  const unfolded = text.replace(/\r\n[ \t]/g, "");
  return unfolded
    .split("\r\n")
    .filter(Boolean)
    .map((line) => {
      const colon = line.indexOf(":");
      const [name, ...params] = line.slice(0, colon).split(";");
      return {
        name,
        params: Object.fromEntries(params.map((param) => param.split("=") as [string, string])),
        value: line
          .slice(colon + 1)
          .replace(/\\n/gi, "\n")
          .replace(/\\([,;\\])/g, "$1"),
      };
    });
}

/** The properties between BEGIN:<component> and its END, of the first such component. */
export function component(properties: IcsProperty[], name: string): IcsProperty[] {
  const start = properties.findIndex((p) => p.name === "BEGIN" && p.value === name);
  const end = properties.findIndex((p, index) => index > start && p.name === "END" && p.value === name);
  expect(start).toBeGreaterThanOrEqual(0);
  return properties.slice(start + 1, end);
}

export function property(properties: IcsProperty[], name: string): IcsProperty {
  const found = properties.find((p) => p.name === name);
  if (!found) throw new Error(`no ${name} in the calendar`);
  return found;
}
