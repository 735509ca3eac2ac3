// Which language a sign-in link's request gives an account at its owner's first sign-in: the
// language of the page the link leads back to, read only from the link's own request and only
// through the one rule for return paths. Through Auth.js's handlers: tests/auth/flow.test.ts.
import { signInLinkLanguage } from "@/lib/auth/account-language";

const callback = (query: string) => new Request(`http://localhost:3000/api/auth/callback/email?token=t&email=a%40example.se&${query}`);

describe("signInLinkLanguage", () => {
  it.each([
    ["an English page", "callbackUrl=%2Fen%2Faccount%2Ftickets", "en"],
    ["the English home page", "callbackUrl=%2Fen", "en"],
    ["a Swedish page", "callbackUrl=%2Faccount", "sv"],
    ["a Swedish page with a query that names English", "callbackUrl=%2Fevents%3Flang%3Den", "sv"],
    ["dot segments, resolved as a browser does", "callbackUrl=%2Fsv%2F..%2Fen%2Fevents", "en"],
  ])("takes %s", (_what, query, expected) => {
    expect(signInLinkLanguage(callback(query))).toBe(expected);
  });

  it.each([
    ["no callbackUrl", ""],
    ["a script address", "callbackUrl=javascript%3Aalert(1)"],
    ["another site", "callbackUrl=%2F%2Fevil.example%2Fen"],
    ["another site by backslash", "callbackUrl=%2F%5Cevil.example%2Fen"],
  ])("takes nothing from %s", (_what, query) => {
    expect(signInLinkLanguage(callback(query))).toBeNull();
  });

  it("takes nothing from any other request, nor without one", () => {
    expect(signInLinkLanguage(new Request("http://localhost:3000/api/auth/signin/email?callbackUrl=%2Fen"))).toBeNull();
    expect(signInLinkLanguage(new Request("http://localhost:3000/en/login?callbackUrl=%2Fen"))).toBeNull();
    expect(signInLinkLanguage(undefined)).toBeNull();
  });
});
