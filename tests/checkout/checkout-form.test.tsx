import { CheckoutForm, type CheckoutFormTicketType } from "@/app/[locale]/events/[slug]/checkout/checkout-form";
import { RedirectPaymentNote, TestCardsNote } from "@/components/checkout/payment-note";
import { initialPriceTexts, type PriceTexts } from "@/app/[locale]/events/[slug]/checkout/price-texts";
import { TEST_CARDS } from "@/lib/payments/test-provider";
import { find, findAll, render } from "../components/render";

const ticketTypes: CheckoutFormTicketType[] = [
  { id: "a", field: "q_a", name: "Vuxen", description: null, priceMinor: 25_000, currency: "SEK", maxQuantity: 6 },
  { id: "b", field: "q_b", name: "Student", description: "Visa giltig legitimation.", priceMinor: 12_550, currency: "SEK", maxQuantity: 0 },
];

function form(flow: "card-form" | "redirect" = "card-form", locale: "sv" | "en" = "sv", priceTexts?: PriceTexts) {
  return render(
    <CheckoutForm
      eventSlug="varkonsert"
      organizerName="Konserthuset"
      ticketTypes={ticketTypes}
      initialQuantities={{ a: 2 }}
      priceTexts={priceTexts ?? initialPriceTexts(ticketTypes, { a: 2 }, locale)}
      idempotencyKey="0197a000-0000-7000-8000-00000000abcd"
      paymentFlow={flow}
      paymentNote={flow === "card-form" ? <TestCardsNote cards={TEST_CARDS} /> : <RedirectPaymentNote />}
    />,
    locale,
  );
}

describe("CheckoutForm", () => {
  it("groups the quantities in a fieldset with a legend, prefilled and bounded", () => {
    const html = form();
    expect(findAll(html, "legend").map((legend) => legend.text)).toEqual(["Biljetter", "Dina uppgifter", "Betalning"]);
    const select = find(html, "select", { name: "q_a" });
    expect(find(html, "label", { for: select.attributes.id }).text).toBe("Vuxen, antal");
    expect(findAll(html, "option").map((option) => option.attributes.value)).toEqual(["0", "1", "2", "3", "4", "5", "6"]);
    expect(find(html, "option", { value: "2" }).attributes.selected).toBeDefined();
    // A sold-out type says so and offers no control.
    expect(html).toContain("Slutsålt");
    expect(findAll(html, "select").length).toBe(1);
    expect(html).toMatch(/Att betala för 2 biljetter<\/span><span[^>]*>500\skr</);
  });

  it("opens with the prices the server wrote, the same text it would write itself", () => {
    const texts = initialPriceTexts(ticketTypes, { a: 2 }, "sv");
    const plain = (text: string) => text.replace(/\u00a0/g, " ");
    expect(Object.fromEntries(Object.entries(texts).map(([key, text]) => [key, plain(text)]))).toEqual({
      "25000 SEK": "250 kr",
      "12550 SEK": "125,50 kr",
      "50000 SEK": "500 kr",
    });
    // Without them (a price the buyer's choice makes) the form formats in the browser, alike.
    for (const locale of ["sv", "en"] as const) expect(form("card-form", locale, {})).toBe(form("card-form", locale));
    expect(form("card-form", "sv", { ...texts, "50000 SEK": "500 kronor" })).toContain(">500 kronor<");
  });

  it("asks for the email twice and for card details with autocomplete hints", () => {
    const html = form();
    // React writes the attributes camel-cased; HTML reads them case-insensitively.
    expect(find(html, "input", { name: "email" }).attributes).toMatchObject({ type: "email", autoComplete: "email" });
    expect(find(html, "input", { name: "emailConfirm" }).attributes.type).toBe("email");
    expect(find(html, "input", { name: "cardNumber" }).attributes).toMatchObject({ autoComplete: "cc-number", inputMode: "numeric" });
    expect(find(html, "input", { name: "cardExpiry" }).attributes.autoComplete).toBe("cc-exp");
    expect(find(html, "input", { name: "cardCvc" }).attributes.autoComplete).toBe("cc-csc");
    expect(html).toContain("4242 4242 4242 4242");
    expect(find(html, "input", { name: "idempotencyKey" }).attributes.value).toBe("0197a000-0000-7000-8000-00000000abcd");
  });

  it("leaves the organizer's opt-in unticked and names the organizer", () => {
    const html = form();
    const optIn = find(html, "input", { name: "marketingOptIn" });
    expect(optIn.attributes.checked).toBeUndefined();
    expect(find(html, "label", { for: optIn.attributes.id }).text).toBe("Ja, Konserthuset får mejla mig om kommande evenemang");
    expect(find(form("card-form", "en"), "label", { for: optIn.attributes.id }).text).toBe(
      "Yes, Konserthuset may email me about coming events",
    );
    const terms = find(html, "input", { name: "terms" });
    expect(terms.attributes.checked).toBeUndefined();
    expect(find(html, "label", { for: terms.attributes.id }).text).toContain("köpvillkoren");
  });

  it("takes the expiry from a numeric keypad, with room for MM / YYYY", () => {
    const expiry = find(form(), "input", { name: "cardExpiry" });
    expect(expiry.attributes).toMatchObject({ inputMode: "numeric", maxLength: "9" });
  });

  it("says by the email that no account is needed, and by the opt-in what the organizer gets either way", () => {
    for (const [locale, noAccount, either, news] of [
      [
        "sv",
        "inget konto och inget lösenord",
        "Konserthuset får ditt namn och din e-postadress för evenemanget i vilket fall som helst",
        "Nyheter skickas bara om du kryssar i rutan",
      ],
      [
        "en",
        "no account and no password",
        "Konserthuset gets your name and email address for the event either way",
        "News is sent only if you tick the box",
      ],
    ] as const) {
      const html = form("card-form", locale);
      const email = find(html, "input", { name: "email" });
      expect(find(html, "p", { id: `${email.attributes.id}-hint` }).text).toContain(noAccount);
      const optIn = find(html, "input", { name: "marketingOptIn" });
      const hint = find(html, "p", { id: optIn.attributes["aria-describedby"] });
      expect(hint.text).toContain(either);
      expect(hint.text).toContain(news);
      // No note about how the server works reaches the buyer.
      expect(html).not.toMatch(/räknas fram igen|work the amount out again/);
    }
  });

  it("has no card fields when Stripe takes the payment, and says so", () => {
    const html = form("redirect");
    expect(findAll(html, "input").some((input) => input.attributes.name === "cardNumber")).toBe(false);
    expect(html).toContain("Stripes betalsida");
    expect(find(html, "button", { type: "submit" }).text).toBe("Gå vidare till betalning");
  });

  it("links to how payment details are handled", () => {
    expect(findAll(form(), "a").some((link) => link.attributes.href === "/payments")).toBe(true);
  });
});
