import { buildEventMetadata, eventSummary } from "@/lib/seo/event-metadata";
import { pageAlternates } from "@/lib/seo/site-urls";

const origin = "https://biljett.example";
const event = {
  slug: "froken-julie",
  title: "Fröken Julie",
  description: "Midsommarnatt på en herrgård i Sverige.\n\nAndra stycket hör inte till sammanfattningen.",
};

describe("buildEventMetadata", () => {
  it("names the Swedish page canonical and both languages plus x-default as absolute hreflang links", () => {
    const metadata = buildEventMetadata(event, { locale: "sv", origin });
    expect(metadata.title).toBe("Fröken Julie");
    expect(metadata.description).toBe("Midsommarnatt på en herrgård i Sverige.");
    expect(metadata.alternates).toEqual({
      canonical: `${origin}/events/froken-julie`,
      languages: {
        sv: `${origin}/events/froken-julie`,
        en: `${origin}/en/events/froken-julie`,
        "x-default": `${origin}/events/froken-julie`,
      },
    });
  });

  it("makes the English page canonical under /en with the same language links", () => {
    const metadata = buildEventMetadata(event, { locale: "en", origin });
    expect(metadata.alternates?.canonical).toBe(`${origin}/en/events/froken-julie`);
    expect(metadata.alternates?.languages).toEqual(buildEventMetadata(event, { locale: "sv", origin }).alternates?.languages);
  });

  it("gives a link preview with the page's address, its locale and a 1200×630 PNG of the event", () => {
    const metadata = buildEventMetadata(event, { locale: "en", origin });
    expect(metadata.openGraph).toMatchObject({
      type: "website",
      url: `${origin}/en/events/froken-julie`,
      title: "Fröken Julie",
      description: "Midsommarnatt på en herrgård i Sverige.",
      locale: "en_GB",
      alternateLocale: ["sv_SE"],
      images: [{ url: `${origin}/og/events/froken-julie?locale=en`, width: 1200, height: 630, type: "image/png", alt: "Fröken Julie" }],
    });
    expect(buildEventMetadata(event, { locale: "sv", origin }).openGraph).toMatchObject({
      locale: "sv_SE",
      images: [{ url: `${origin}/og/events/froken-julie` }],
    });
    expect(metadata.twitter).toMatchObject({
      card: "summary_large_image",
      title: "Fröken Julie",
      images: [{ url: `${origin}/og/events/froken-julie?locale=en`, width: 1200, height: 630 }],
    });
  });

  it("takes the origin from SITE_URL when none is given", () => {
    // Tests run without SITE_URL, so the configured default applies.
    const metadata = buildEventMetadata(event, { locale: "sv" });
    expect(metadata.alternates?.canonical).toBe("http://localhost:3000/events/froken-julie");
  });
});

describe("eventSummary", () => {
  it("cuts a long first paragraph at a word near 160 characters", () => {
    const summary = eventSummary(`${"ord ".repeat(60)}\n\nnästa`);
    expect(summary.length).toBeLessThanOrEqual(160);
    expect(summary.endsWith("ord…")).toBe(true);
  });
});

describe("pageAlternates", () => {
  it("gives any public page its canonical address and hreflang links, the home page included", () => {
    expect(pageAlternates("/", "en", origin)).toEqual({
      canonical: `${origin}/en`,
      languages: { sv: `${origin}/`, en: `${origin}/en`, "x-default": `${origin}/` },
    });
    expect(pageAlternates("/events", "sv", origin)).toEqual({
      canonical: `${origin}/events`,
      languages: { sv: `${origin}/events`, en: `${origin}/en/events`, "x-default": `${origin}/events` },
    });
  });
});
