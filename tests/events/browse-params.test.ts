import { MAX_QUERY_LENGTH, browseHref, parseBrowseParams } from "@/lib/events/browse-params";

describe("parseBrowseParams", () => {
  it("drops a search or city with control characters and says why", () => {
    expect(parseBrowseParams({ q: "jazz\u0000", city: "Malm\u0000ö" })).toEqual({
      query: null,
      city: null,
      page: 1,
      queryProblem: "control_characters",
    });
    expect(parseBrowseParams({ q: "a\r\nb" }).queryProblem).toBe("control_characters");
  });

  it("reads the search, city and page", () => {
    expect(parseBrowseParams({ q: " jazz ", city: "Malmö", page: "2" })).toEqual({
      query: "jazz",
      city: "Malmö",
      page: 2,
      queryProblem: null,
    });
  });

  it("treats missing and blank values as none, and starts on page 1", () => {
    expect(parseBrowseParams({})).toEqual({ query: null, city: null, page: 1, queryProblem: null });
    expect(parseBrowseParams({ q: "  ", city: "" })).toEqual({ query: null, city: null, page: 1, queryProblem: null });
  });

  it.each(["0", "-1", "1.5", "abc", "", "1e3", "99999999999999999999"])("falls back to page 1 for %p", (page) => {
    expect(parseBrowseParams({ page }).page).toBe(1);
  });

  it("takes the first of repeated parameters", () => {
    expect(parseBrowseParams({ q: ["a", "b"], city: ["Lund", "Umeå"], page: ["3", "4"] })).toEqual({
      query: "a",
      city: "Lund",
      page: 3,
      queryProblem: null,
    });
  });

  it("cuts a very long search without splitting a character", () => {
    const query = parseBrowseParams({ q: "ö".repeat(300) }).query;
    expect(Array.from(query ?? "")).toHaveLength(MAX_QUERY_LENGTH);
  });

  it("stores text in composed form, as the database does", () => {
    expect(parseBrowseParams({ city: "Malmo\u0308" }).city).toBe("Malmö");
  });
});

describe("browseHref", () => {
  it("links to the plain list without filters or on page 1", () => {
    expect(browseHref({})).toBe("/events");
    expect(browseHref({ query: null, city: null, page: 1 })).toBe("/events");
  });

  it("keeps the search and city, encoded, on other pages", () => {
    expect(browseHref({ query: "jazz & blues", city: "Malmö", page: 2 })).toBe("/events?q=jazz+%26+blues&city=Malm%C3%B6&page=2");
  });

  it("reads back what it wrote", () => {
    const params = { query: "ö/ä?#", city: "Västerås", page: 3 };
    const search = new URLSearchParams(browseHref(params).split("?")[1]);
    expect(parseBrowseParams(Object.fromEntries(search))).toEqual({ ...params, queryProblem: null });
  });
});
