import { AvailabilityStatus } from "@/components/events/availability-status";
import { EventDescription } from "@/components/events/event-description";
import { EventFacts } from "@/components/events/event-facts";
import { TicketTypes } from "@/components/events/ticket-types";
import type { EventTicketType } from "@/lib/events/queries";
import { find, findAll, render } from "../components/render";

// Intl puts no-break and thin spaces into dates and prices.
const plain = (text: string) => text.replace(/[\u00a0\u202f\u2009]/g, " ");
const textOf = (html: string) => plain(html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " "));

const now = new Date("2026-06-01T10:00:00Z");
const eventEndsAt = new Date("2026-06-12T19:30:00Z");

let nextId = 0;
function ticketType(overrides: Partial<EventTicketType> = {}): EventTicketType {
  nextId += 1;
  return {
    id: `tt-${nextId}`,
    name: `Biljett ${nextId}`,
    description: null,
    priceMinor: 25000,
    currency: "SEK",
    capacity: 100,
    sold: 0,
    held: 0,
    maxPerOrder: 8,
    salesStartAt: null,
    salesEndAt: null,
    ...overrides,
  };
}

function renderTickets(ticketTypes: EventTicketType[], locale: "sv" | "en" = "sv") {
  return render(
    <TicketTypes eventSlug="jazz-i-parken" eventEndsAt={eventEndsAt} timeZone="Europe/Stockholm" ticketTypes={ticketTypes} now={now} />,
    locale,
  );
}

describe("TicketTypes", () => {
  it("puts every ticket type on sale in one GET form to the checkout page", () => {
    const parkett = ticketType({ name: "Parkett", description: "Numrerad plats.", priceMinor: 49500 });
    const student = ticketType({ name: "Student", priceMinor: 19500, maxPerOrder: 2 });
    const html = renderTickets([parkett, student]);

    const forms = findAll(html, "form");
    expect(forms).toHaveLength(1);
    expect(forms[0].attributes).toMatchObject({ method: "get", action: "/events/jazz-i-parken/checkout" });
    expect(findAll(html, "select").map((select) => select.attributes.name)).toEqual([`q_${parkett.id}`, `q_${student.id}`]);
    expect(find(html, "button").attributes.type).toBe("submit");
    expect(find(html, "button").text).toBe("Fortsätt");
    expect(findAll(html, "h3").map((heading) => heading.text)).toEqual(["Parkett", "Student"]);
    expect(textOf(html)).toContain("495 kr");
    expect(textOf(html)).toContain("Numrerad plats.");
  });

  it("labels each quantity with the ticket type's name and offers 0 up to the per-order limit", () => {
    const student = ticketType({ name: "Student", maxPerOrder: 2 });
    const html = renderTickets([student, ticketType()]);
    const label = find(html, "label", { for: `quantity-${student.id}` });
    expect(label.text).toBe("Antal, Student");
    const select = find(html, "select", { id: `quantity-${student.id}` });
    expect(select.text).toBe("012");
    expect(select.attributes["aria-describedby"]).toBe(`quantity-${student.id}-status quantity-${student.id}-hint`);
    expect(find(html, "p", { id: `quantity-${student.id}-hint` }).text).toBe("Högst 2 per köp");
  });

  it("offers no more than are left, and says few are left", () => {
    const lastFew = ticketType({ capacity: 100, sold: 95, held: 2, maxPerOrder: 8 });
    const html = renderTickets([lastFew]);
    expect(findAll(html, "option").map((option) => option.text)).toEqual(["0", "1", "2", "3"]);
    expect(plain(find(html, "div", { id: `quantity-${lastFew.id}-status` }).text)).toBe("Få kvar 3 biljetter kvar");
    // The limit of 8 per order is not what stops the buyer here, so it is not mentioned.
    expect(findAll(html, "p").some((p) => p.attributes.id === `quantity-${lastFew.id}-hint`)).toBe(false);
  });

  it("chooses one ticket by default when there is a single type to buy, none when there are several", () => {
    const one = renderTickets([ticketType(), ticketType({ sold: 100 })]);
    expect(find(one, "option", { selected: "" }).text).toBe("1");
    const two = renderTickets([ticketType(), ticketType()]);
    expect(
      findAll(two, "option")
        .filter((option) => "selected" in option.attributes)
        .map((option) => option.text),
    ).toEqual(["0", "0"]);
  });

  it("lists sold-out, not-yet-on-sale and closed ticket types without a quantity", () => {
    const soldOut = ticketType({ name: "Slut", sold: 90, held: 10 });
    const later = ticketType({ name: "Senare", salesStartAt: new Date("2026-06-05T08:00:00Z") });
    const closed = ticketType({ name: "Stängd", salesEndAt: new Date("2026-05-31T21:59:00Z") });
    const open = ticketType({ name: "Öppen" });
    const html = renderTickets([soldOut, later, closed, open]);
    expect(findAll(html, "select").map((select) => select.attributes.name)).toEqual([`q_${open.id}`]);
    const text = textOf(html);
    expect(text).toContain("Slutsålt");
    expect(text).toContain("Säljstart fre 5 juni 2026 kl. 10:00");
    expect(text).toContain("Försäljningen har avslutats");
  });

  it("offers no form when nothing can be bought", () => {
    const html = renderTickets([ticketType({ sold: 100 }), ticketType({ salesStartAt: new Date("2026-06-05T08:00:00Z") })]);
    expect(findAll(html, "form")).toHaveLength(0);
    expect(findAll(html, "select")).toHaveLength(0);
    expect(textOf(html)).toContain("Det finns inga biljetter att köpa just nu.");
  });

  it("says when there are no ticket types yet", () => {
    expect(textOf(renderTickets([]))).toContain("Biljetterna har inte släppts än.");
  });

  it("says Free for a free ticket, and speaks English", () => {
    const html = renderTickets([ticketType({ priceMinor: 0, name: "Under 20" }), ticketType({ priceMinor: 24950, sold: 100 })], "en");
    const text = textOf(html);
    expect(text).toContain("Free");
    expect(text).toContain("SEK 249.50");
    expect(text).toContain("Sold out");
    expect(find(html, "button").text).toBe("Continue");
    expect(find(html, "label").text).toBe("Quantity, Under 20");
  });
});

describe("AvailabilityStatus", () => {
  const status = (props: Partial<Parameters<typeof AvailabilityStatus>[0]>, locale: "sv" | "en" = "sv") =>
    textOf(
      render(
        <AvailabilityStatus
          availability={{ left: 50, state: "on_sale" }}
          salesStartAt={null}
          salesEndAt={null}
          timeZone="Europe/Stockholm"
          {...props}
        />,
        locale,
      ),
    ).trim();

  it("says nothing when plenty is left and sales have no end date", () => {
    expect(status({})).toBe("");
  });

  it("tells when sales close, in the event's time zone", () => {
    expect(status({ salesEndAt: new Date("2026-06-10T21:59:00Z") })).toBe("Säljs till ons 10 juni 2026 kl. 23:59");
    expect(status({ salesEndAt: new Date("2026-06-10T21:59:00Z") }, "en")).toBe("On sale until Wed, Jun 10, 2026 at 11:59 PM");
  });

  it("names every other state in both languages", () => {
    expect(status({ availability: { left: 1, state: "few_left" } })).toBe("Få kvar 1 biljett kvar");
    expect(status({ availability: { left: 4, state: "few_left" } }, "en")).toBe("Few left 4 tickets left");
    expect(status({ availability: { left: 0, state: "sold_out" } })).toBe("Slutsålt");
    expect(status({ availability: { left: 0, state: "sold_out" } }, "en")).toBe("Sold out");
    expect(status({ availability: { left: 9, state: "ended" } })).toBe("Försäljningen har avslutats");
    expect(status({ availability: { left: 9, state: "ended" } }, "en")).toBe("Sales have ended");
    const salesStartAt = new Date("2026-06-05T08:00:00Z");
    expect(status({ availability: { left: 9, state: "not_started" }, salesStartAt })).toBe("Säljstart fre 5 juni 2026 kl. 10:00");
    expect(status({ availability: { left: 9, state: "not_started" }, salesStartAt }, "en")).toBe(
      "Sales start Fri, Jun 5, 2026 at 10:00 AM",
    );
  });
});

describe("EventFacts", () => {
  const facts = {
    startsAt: new Date("2026-06-12T16:00:00Z"),
    endsAt: new Date("2026-06-12T19:30:00Z"),
    timeZone: "Europe/Stockholm",
    venue: "Döbelns park",
    address: "Döbelnsgatan 1",
    city: "Umeå",
  };

  it("tells when, in the event's time zone, and where", () => {
    const html = render(<EventFacts {...facts} />);
    expect(findAll(html, "dt").map((term) => term.text)).toEqual(["När", "Var"]);
    const time = find(html, "time");
    expect(time.attributes.dateTime).toBe("2026-06-12T16:00:00.000Z");
    expect(plain(time.text)).toBe("fre 12 juni 2026 18:00–21:30");
    expect(findAll(html, "dd")[1].text).toBe("Döbelns parkDöbelnsgatan 1Umeå");
  });

  it("follows another time zone and leaves out a missing address", () => {
    const html = render(<EventFacts {...facts} timeZone="Europe/Helsinki" address={null} />, "en");
    expect(plain(find(html, "time").text)).toBe("Fri, Jun 12, 2026, 7:00 – 10:30 PM");
    expect(findAll(html, "dd")[1].text).toBe("Döbelns parkUmeå");
  });
});

describe("EventDescription", () => {
  it("makes a paragraph of each block separated by a blank line", () => {
    const html = render(<EventDescription text={"Första stycket.\n\nAndra stycket,\nmed radbrytning.\r\n\r\n  \n\nTredje."} />);
    expect(findAll(html, "p").map((p) => p.text)).toEqual(["Första stycket.", "Andra stycket,\nmed radbrytning.", "Tredje."]);
  });
});
