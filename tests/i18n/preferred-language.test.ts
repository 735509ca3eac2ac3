import { languageToOffer } from "@/lib/i18n/preferred-language";

describe("languageToOffer", () => {
  it.each([
    [["en-US", "en"], "sv", "en"],
    [["en-GB"], "en", null],
    [["sv-SE", "en-US"], "sv", null],
    [["sv-SE", "en-US"], "en", "sv"],
    [["de-DE", "en-GB"], "sv", "en"],
    [["nb-NO", "en"], "sv", null],
    [["da"], "en", "sv"],
    [["de-DE", "fr"], "sv", null],
    [["de-DE", "fr"], "en", null],
    [[], "sv", null],
    [[" EN_us "], "sv", "en"],
  ] as const)("%j on a %s page offers %s", (languages, page, offered) => {
    expect(languageToOffer(languages, page)).toBe(offered);
  });
});
