import { formFields } from "@/lib/forms";
import { parseEventForm, parseKronor, parseLocalDateTime, readEventForm, slugify, toLocalDateTime } from "@/lib/organizers/event-form";
import { eventValues } from "./helpers";

const row = (overrides: Record<string, string | boolean> = {}) => ({
  id: "",
  name: "Ordinarie",
  price: "200",
  capacity: "50",
  salesStartAt: "",
  salesEndAt: "",
  maxPerOrder: "",
  sortOrder: "",
  remove: false,
  ...overrides,
});

describe("parseEventForm", () => {
  it("turns local Stockholm times into UTC and kronor into öre", () => {
    const result = parseEventForm(eventValues({ startsAt: "2030-07-01T19:00", endsAt: "2030-07-01T22:30" }));
    if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
    expect(result.data.startsAt.toISOString()).toBe("2030-07-01T17:00:00.000Z"); // summer time, UTC+2
    expect(result.data.endsAt.toISOString()).toBe("2030-07-01T20:30:00.000Z");
    expect(result.data.ticketTypes[0]).toMatchObject({ priceMinor: 24950, capacity: 100, maxPerOrder: 8 });
  });

  it("refuses an end before the start", () => {
    const result = parseEventForm(eventValues({ startsAt: "2030-04-20T19:00", endsAt: "2030-04-20T18:00" }));
    expect(result).toEqual({ ok: false, fieldErrors: { endsAt: "ends_before_start" } });
  });

  it("refuses a sale window that ends after the event ends, and one that ends before it starts", () => {
    const result = parseEventForm(
      eventValues({
        ticketTypes: [
          row({ name: "Sen", salesEndAt: "2030-04-20T21:01" }),
          row({ name: "Baklänges", salesStartAt: "2030-04-10T10:00", salesEndAt: "2030-04-09T10:00" }),
          row({ name: "Vid dörren", salesEndAt: "2030-04-20T21:00" }),
        ],
      }),
    );
    expect(result).toEqual({
      ok: false,
      fieldErrors: { "ticketTypes.0.salesEndAt": "sale_after_event", "ticketTypes.1.salesEndAt": "sale_end_before_start" },
    });
  });

  it("names every bad field with its own message key", () => {
    const result = parseEventForm(
      eventValues({
        title: "",
        slug: "Inte OK",
        venue: "",
        startsAt: "igår",
        ticketTypes: [row({ price: "-5", capacity: "1,5" }), row({ price: "12,345" })],
      }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors).toMatchObject({
      title: "required",
      slug: "slug_format",
      venue: "required",
      startsAt: "date_format",
      "ticketTypes.0.price": "price_format",
      "ticketTypes.0.capacity": "whole_number",
      "ticketTypes.1.name": "duplicate_name",
      "ticketTypes.1.price": "price_format",
    });
  });
});

describe("readEventForm", () => {
  it("reads numbered ticket type rows and skips empty spare rows", () => {
    const form = new FormData();
    form.set("title", " Jul ");
    form.set("ticketTypes.0.name", "Vuxen");
    form.set("ticketTypes.0.price", "100");
    form.set("ticketTypes.0.capacity", "10");
    form.set("ticketTypes.1.name", "");
    form.set("ticketTypes.1.price", "");
    form.set("ticketTypes.2.id", "0193aaaa-0000-7000-8000-000000000000");
    form.set("ticketTypes.2.remove", "on");
    const values = readEventForm(formFields(form));
    expect(values.title).toBe("Jul");
    expect(values.timeZone).toBe("Europe/Stockholm");
    expect(values.ticketTypes.map((type) => [type.name, type.remove])).toEqual([
      ["Vuxen", false],
      ["", true],
    ]);
  });
});

describe("helpers", () => {
  it("slugifies Swedish titles", () => {
    expect(slugify("Vårkonsert i Örebro – Ärligt!")).toBe("varkonsert-i-orebro-arligt");
  });
  it("parses kronor with comma or point", () => {
    expect(parseKronor("249,50")).toBe(24950);
    expect(parseKronor("249.5")).toBe(24950);
    expect(parseKronor("0")).toBe(0);
    expect(parseKronor("1,234")).toBeNull();
  });
  it("round-trips local times across daylight saving", () => {
    const winter = parseLocalDateTime("2030-01-15T19:00", "Europe/Stockholm");
    expect(winter?.toISOString()).toBe("2030-01-15T18:00:00.000Z");
    expect(toLocalDateTime(winter, "Europe/Stockholm")).toBe("2030-01-15T19:00");
    expect(parseLocalDateTime("2030-02-30T19:00", "Europe/Stockholm")).toBeNull();
  });
});
