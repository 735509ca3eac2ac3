import { cardFingerprint, checkoutRequestHash } from "@/lib/orders/request-hash";

const secret = "a-test-secret-of-at-least-32-characters!";
const card = { number: "4242 4242 4242 4242", expiry: "12/30", cvc: "123" };
const request = { eventId: "e", items: [{ ticketTypeId: "t", quantity: 2 }], buyerName: "Kalle", marketingOptIn: false, card };

describe("cardFingerprint", () => {
  it("is the same for the same number and month however they are typed, and ignores the CVC", () => {
    const fingerprint = cardFingerprint(card, secret);
    expect(cardFingerprint({ number: "4242-4242-4242-4242", expiry: " 12 / 2030 ", cvc: "999" }, secret)).toBe(fingerprint);
    expect(cardFingerprint({ number: "4242424242424242", expiry: "12/2030", cvc: "" }, secret)).toBe(fingerprint);
  });

  it("differs for another number, another expiry or another secret", () => {
    const fingerprint = cardFingerprint(card, secret);
    expect(cardFingerprint({ ...card, number: "4000 0566 5566 5556" }, secret)).not.toBe(fingerprint);
    expect(cardFingerprint({ ...card, expiry: "01/30" }, secret)).not.toBe(fingerprint);
    expect(cardFingerprint(card, `${secret}x`)).not.toBe(fingerprint);
  });

  it("contains neither the number nor its unkeyed hash", () => {
    const fingerprint = cardFingerprint(card, secret)!;
    expect(fingerprint).not.toContain("4242");
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("checkoutRequestHash", () => {
  it("changes with the card and not with the CVC or the card's spacing", () => {
    const hash = checkoutRequestHash(request, "kalle@example.se", secret);
    expect(checkoutRequestHash({ ...request, card: { ...card, number: "5555555555554444" } }, "kalle@example.se", secret)).not.toBe(hash);
    expect(checkoutRequestHash({ ...request, card: { ...card, number: "4242424242424242", cvc: "000" } }, "kalle@example.se", secret)).toBe(
      hash,
    );
    expect(checkoutRequestHash({ ...request, card: undefined }, "kalle@example.se", secret)).not.toBe(hash);
  });
});
