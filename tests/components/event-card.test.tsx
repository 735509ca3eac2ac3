import { EventCard, type EventCardProps } from "@/components/events/event-card";
import { EventList } from "@/components/events/event-list";
import { find, findAll, render } from "./render";

// Intl puts no-break and thin spaces into dates and prices.
const plain = (text: string) => text.replace(/[\u00a0\u202f\u2009]/g, " ");

const event: EventCardProps & { id: string } = {
  id: "e1",
  slug: "jazz-i-parken",
  title: "Jazz i parken",
  city: "Umeå",
  venue: "Döbelns park",
  startsAt: new Date("2026-06-12T16:00:00Z"),
  endsAt: new Date("2026-06-12T19:30:00Z"),
  timeZone: "Europe/Stockholm",
  imageUrl: "/images/events/jazz-i-parken.svg",
  organizerName: "Jazzklubben",
  lowestPrice: { minor: 25000, currency: "SEK" },
  soldOut: false,
};

const texts = (html: string) => findAll(html, "p").map((p) => plain(p.text));

describe("EventCard", () => {
  it("is an article whose heading links to the event page", () => {
    const html = render(<EventCard event={event} />);
    expect(findAll(html, "article")).toHaveLength(1);
    expect(find(html, "h3").text).toBe("Jazz i parken");
    expect(find(html, "a").attributes.href).toBe("/events/jazz-i-parken");
  });

  it("shows when, where, who and from what price, in Swedish and in the event's time zone", () => {
    const html = render(<EventCard event={event} />);
    const time = find(html, "time");
    expect(time.attributes.dateTime).toBe("2026-06-12T16:00:00.000Z");
    expect(plain(time.text)).toBe("fre 12 juni 2026 18:00–21:30");
    expect(texts(html)).toEqual(expect.arrayContaining(["Döbelns park, Umeå", "Arrangör: Jazzklubben"]));
    expect(plain(find(html, "span").text)).toBe("Från 250 kr");
  });

  it("shows the same in English", () => {
    const html = render(<EventCard event={event} />, "en");
    expect(plain(find(html, "time").text)).toBe("Fri, Jun 12, 2026, 6:00 – 9:30 PM");
    expect(texts(html)).toContain("Organizer: Jazzklubben");
    expect(plain(find(html, "span").text)).toBe("From SEK 250");
  });

  it("lazy-loads an image with its size given", () => {
    expect(find(render(<EventCard event={event} />), "img").attributes).toMatchObject({
      src: "/images/events/jazz-i-parken.svg",
      alt: "",
      width: "640",
      height: "360",
      loading: "lazy",
    });
    expect(findAll(render(<EventCard event={{ ...event, imageUrl: null }} />), "img")).toHaveLength(0);
  });

  it("says Free for a free event", () => {
    const html = render(<EventCard event={{ ...event, lowestPrice: { minor: 0, currency: "SEK" } }} />);
    expect(find(html, "span").text).toBe("Gratis");
  });

  it("says Sold out, and no price, when nothing is left", () => {
    const html = render(<EventCard event={{ ...event, soldOut: true }} />);
    expect(find(html, "span").text).toBe("Slutsålt");
    expect(html).not.toContain("Från");
  });

  it("shows no price before tickets are on offer", () => {
    expect(findAll(render(<EventCard event={{ ...event, lowestPrice: null }} />), "span")).toHaveLength(0);
  });
});

describe("EventList", () => {
  it("lists the cards", () => {
    const html = render(<EventList events={[event, { ...event, id: "e2", slug: "b" }]} empty={<p>Tomt</p>} />);
    expect(findAll(html, "li")).toHaveLength(2);
    expect(findAll(html, "a").map((link) => link.attributes.href)).toEqual(["/events/jazz-i-parken", "/events/b"]);
  });

  it("shows the empty state when there are no events", () => {
    expect(render(<EventList events={[]} empty={<p>Tomt</p>} />)).toBe("<p>Tomt</p>");
  });
});
