import { isSameOriginPost } from "@/lib/auth/same-origin";

describe("isSameOriginPost", () => {
  const site = "https://biljett.example";

  it("accepts a post from a page of this site", () => {
    expect(isSameOriginPost(new Headers({ origin: "https://biljett.example" }), site)).toBe(true);
    expect(isSameOriginPost(new Headers({ referer: "https://biljett.example/account" }), site)).toBe(true);
  });

  it("refuses a post from elsewhere, an opaque origin, or one that says nothing", () => {
    expect(isSameOriginPost(new Headers({ origin: "https://evil.example" }), site)).toBe(false);
    expect(isSameOriginPost(new Headers({ origin: "http://biljett.example" }), site)).toBe(false);
    expect(isSameOriginPost(new Headers({ origin: "null" }), site)).toBe(false);
    expect(isSameOriginPost(new Headers(), site)).toBe(false);
  });
});
