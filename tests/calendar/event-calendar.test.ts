import { eventCalendarFile, calendarResponseHeaders } from "@/lib/calendar/event-calendar";
import { component, property, readIcs } from "./read-ics";

const input = {
  orderNumber: "B-4711",
  organizerName: "Kulturhuset, Uppsala",
  event: {
    title: "Vårkonsert; Janáček, Dvořák",
    venue: "Stora salen",
    address: "Västra Ågatan 16",
    city: "Uppsala",
    // 19:00–22:00 in Stockholm (winter time, UTC+1).
    startsAt: "2027-01-15T18:00:00.000Z",
    endsAt: "2027-01-15T21:00:00.000Z",
    timeZone: "Europe/Stockholm",
  },
  link: "http://localhost:3000/orders/0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b?key=abc_DEF-123",
};

describe("eventCalendarFile", () => {
  it("writes the event in its own time zone, with that zone's rules, the place and the link", () => {
    const file = eventCalendarFile("sv", input);
    expect(file.filename).toBe("evenemang-B-4711.ics");
    const all = readIcs(file.body);
    expect(property(all, "BEGIN").value).toBe("VCALENDAR");
    expect(property(all, "VERSION").value).toBe("2.0");

    const zone = component(all, "VTIMEZONE");
    expect(property(zone, "TZID").value).toBe("Europe/Stockholm");
    const standard = component(zone, "STANDARD");
    expect(property(standard, "TZOFFSETTO").value).toBe("+0100");
    expect(property(component(zone, "DAYLIGHT"), "TZOFFSETTO").value).toBe("+0200");

    const event = component(all, "VEVENT");
    expect(property(event, "DTSTART")).toEqual({ name: "DTSTART", params: { TZID: "Europe/Stockholm" }, value: "20270115T190000" });
    expect(property(event, "DTEND")).toEqual({ name: "DTEND", params: { TZID: "Europe/Stockholm" }, value: "20270115T220000" });
    expect(property(event, "DTSTAMP").value).toMatch(/^\d{8}T\d{6}Z$/);
    expect(property(event, "SUMMARY").value).toBe("Vårkonsert; Janáček, Dvořák");
    expect(property(event, "LOCATION").value).toBe("Stora salen, Västra Ågatan 16, Uppsala");
    expect(property(event, "URL").value).toBe(input.link);
    expect(property(event, "UID").value).toBe("order-B-4711@localhost");
    expect(property(event, "DESCRIPTION").value).toBe(`Order B-4711\nArrangör: Kulturhuset, Uppsala\nDina biljetter: ${input.link}`);
  });

  it("writes summer dates with the zone's summer offset in mind, and English words for English readers", () => {
    const file = eventCalendarFile("en", {
      ...input,
      organizerName: null,
      event: { ...input.event, address: null, startsAt: "2027-07-01T17:30:00.000Z", endsAt: "2027-07-01T20:00:00.000Z" },
    });
    expect(file.filename).toBe("event-B-4711.ics");
    const event = component(readIcs(file.body), "VEVENT");
    expect(property(event, "DTSTART").value).toBe("20270701T193000");
    expect(property(event, "DTEND").value).toBe("20270701T220000");
    expect(property(event, "LOCATION").value).toBe("Stora salen, Uppsala");
    expect(property(event, "DESCRIPTION").value).toBe(`Order B-4711\nYour tickets: ${input.link}`);
  });

  it("uses the event's zone, not the server's: a New York event keeps its New York hour", () => {
    const file = eventCalendarFile("en", {
      ...input,
      event: { ...input.event, timeZone: "America/New_York", startsAt: "2027-01-16T00:30:00.000Z", endsAt: "2027-01-16T03:00:00.000Z" },
    });
    const all = readIcs(file.body);
    expect(property(component(all, "VTIMEZONE"), "TZID").value).toBe("America/New_York");
    const event = component(all, "VEVENT");
    expect(property(event, "DTSTART")).toEqual({ name: "DTSTART", params: { TZID: "America/New_York" }, value: "20270115T193000" });
    expect(property(event, "DTEND").value).toBe("20270115T220000");
  });

  it("is downloaded as a private calendar file", () => {
    const headers = calendarResponseHeaders(eventCalendarFile("sv", input));
    expect(headers["Content-Type"]).toBe("text/calendar; charset=utf-8");
    expect(headers["Content-Disposition"]).toContain('filename="evenemang-B-4711.ics"');
    expect(headers["Cache-Control"]).toBe("private, no-store");
  });
});
