import { browseRoute } from "@/lib/events/browse-route";

describe("browseRoute", () => {
  it.each([
    ["/events", "?q=jazz", "/sv/events-filtered"],
    ["/events", "?city=G%C3%B6teborg&page=2", "/sv/events-filtered"],
    ["/events/", "?page=3", "/sv/events-filtered"],
    ["/en/events", "?q=jazz", "/en/events-filtered"],
    ["/events", "?utm_source=newsletter", "/sv/events-filtered"],
  ])("serves %s%s from the filtered page (%s)", (pathname, search, target) => {
    expect(browseRoute(pathname, search)).toEqual({ kind: "rewrite", pathname: target });
  });

  it.each([
    ["/events", ""],
    ["/events", "?"],
    ["/en/events", ""],
    ["/sv/events", "?q=jazz"],
    ["/events/jazz-kvall", "?q=x"],
    ["/", "?q=x"],
    ["/eventsx", "?q=x"],
  ])("leaves %s%s alone", (pathname, search) => {
    expect(browseRoute(pathname, search)).toBeUndefined();
  });

  it("sends a direct visit of the internal page to the public address", () => {
    expect(browseRoute("/events-filtered", "?q=jazz")).toEqual({ kind: "redirect", pathname: "/events" });
    expect(browseRoute("/en/events-filtered", "")).toEqual({ kind: "redirect", pathname: "/en/events" });
  });
});
