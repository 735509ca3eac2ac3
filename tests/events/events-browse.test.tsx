import { EventSearchForm } from "@/components/events/event-search-form";
import { EventsPagination } from "@/components/events/events-pagination";
import { find, findAll, render } from "../components/render";

describe("EventsPagination", () => {
  it("links to the previous and next pages, keeping the search and city", () => {
    const html = render(<EventsPagination query="jazz" city="Malmö" page={2} pageCount={3} />);
    expect(find(html, "nav").attributes["aria-label"]).toBe("Sidor");
    expect(findAll(html, "a").map((link) => [link.attributes.rel, link.attributes.href, link.text.trim()])).toEqual([
      ["prev", "/events?q=jazz&city=Malm%C3%B6", "←Föregående"],
      ["next", "/events?q=jazz&city=Malm%C3%B6&page=3", "Nästa→"],
    ]);
    expect(find(html, "p").text).toBe("Sida 2 av 3");
  });

  it("has no previous link on the first page and no next link on the last", () => {
    expect(findAll(render(<EventsPagination query={null} city={null} page={1} pageCount={2} />), "a").map((a) => a.attributes.rel)).toEqual(
      ["next"],
    );
    const last = render(<EventsPagination query={null} city={null} page={2} pageCount={2} />, "en");
    expect(findAll(last, "a").map((a) => a.attributes.href)).toEqual(["/en/events"]);
    expect(find(last, "p").text).toBe("Page 2 of 2");
  });

  it("shows nothing when everything fits on one page", () => {
    expect(render(<EventsPagination query={null} city={null} page={1} pageCount={1} />)).toBe("");
  });
});

describe("EventSearchForm", () => {
  it("is a labelled search form that sends q and city to /events by GET", () => {
    const html = render(<EventSearchForm query="jazz" city="Malmö" cities={["Malmö", "Umeå"]} />);
    const form = find(html, "form");
    expect(form.attributes).toMatchObject({ action: "/events", role: "search", "aria-label": "Sök evenemang" });
    expect(form.attributes.method ?? "get").toBe("get");
    expect(find(html, "input", { name: "q" }).attributes).toMatchObject({ type: "search", id: "event-search", value: "jazz" });
    expect(find(html, "label", { for: "event-search" }).text).toBe("Sök");
    expect(find(html, "label", { for: "event-city" }).text).toBe("Stad");
    expect(findAll(html, "option").map((option) => [option.attributes.value, option.text, "selected" in option.attributes])).toEqual([
      ["", "Alla städer", false],
      ["Malmö", "Malmö", true],
      ["Umeå", "Umeå", false],
    ]);
    expect(find(html, "button").attributes.type).toBe("submit");
  });

  it("keeps a chosen city that has no upcoming events any more", () => {
    const html = render(<EventSearchForm query={null} city="Lund" cities={["Umeå"]} />, "en");
    expect(findAll(html, "option").map((option) => option.text)).toEqual(["All cities", "Lund", "Umeå"]);
    expect(find(html, "input", { name: "q" }).attributes.value).toBe("");
  });
});
