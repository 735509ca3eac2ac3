// The payment provider of the demo and the tests: real card-number validation, no network.
// Its card numbers are documented on the payments page and in the README.
import { createHash } from "node:crypto";
import { isExpiryInFuture, parseCardExpiry } from "./card-expiry";
import { PaymentUnavailableError, type CardFormProvider, type CardInput, type ChargeResult, type RefundResult } from "./provider";

export const TEST_CARDS = {
  succeeds: "4242424242424242",
  declined: "4000000000000002",
  networkFailure: "4000000000000119",
} as const;

export type CardProblem = "number" | "expiry" | "cvc";

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

export function cardBrand(digits: string): string | null {
  if (/^4/.test(digits)) return "visa";
  if (/^(5[1-5]|2[2-7])/.test(digits)) return "mastercard";
  if (/^3[47]/.test(digits)) return "amex";
  return null;
}

/** Which field of a card form is wrong, if any; `now` decides whether the expiry has passed. */
export function checkCard(card: CardInput, now = new Date()): CardProblem[] {
  const problems: CardProblem[] = [];
  const digits = card.number.replace(/[\s-]/g, "");
  if (!/^\d{12,19}$/.test(digits) || !luhnValid(digits)) problems.push("number");
  const expiry = parseCardExpiry(card.expiry);
  if (!expiry || !isExpiryInFuture(expiry, now)) problems.push("expiry");
  if (!/^\d{3,4}$/.test(card.cvc.trim())) problems.push("cvc");
  return problems;
}

export function testPaymentProvider(): CardFormProvider {
  return {
    id: "test",
    flow: "card-form",
    async charge({ card, idempotencyKey }): Promise<ChargeResult> {
      const digits = card.number.replace(/[\s-]/g, "");
      if (digits === TEST_CARDS.networkFailure) throw new PaymentUnavailableError("test card: network failure");
      if (digits === TEST_CARDS.declined) return { status: "declined", reason: "card_declined" };
      return {
        status: "succeeded",
        // Same request, same reference, as a real provider's idempotency gives.
        reference: `test_${createHash("sha256").update(idempotencyKey).digest("hex").slice(0, 24)}`,
        cardBrand: cardBrand(digits),
        cardLast4: digits.slice(-4),
      };
    },
    async refund({ paymentRef, idempotencyKey }): Promise<RefundResult> {
      // A payment this provider never made cannot be paid back.
      if (!paymentRef.startsWith("test_")) return { status: "failed", reason: "unknown_payment" };
      return { status: "succeeded", reference: `test_re_${createHash("sha256").update(idempotencyKey).digest("hex").slice(0, 24)}` };
    },
  };
}
