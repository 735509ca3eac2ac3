// How the checkout takes money, whoever takes it. Card numbers pass through at most as far as
// a provider's charge call and are never stored or logged: orders keep only the brand and the
// last four digits that a provider reports back.

export type CardInput = { number: string; expiry: string; cvc: string };

export type ChargeResult =
  { status: "succeeded"; reference: string; cardBrand: string | null; cardLast4: string | null } | { status: "declined"; reason: string };

/** The provider could not be reached or did not answer: no charge was made. */
export class PaymentUnavailableError extends Error {
  constructor(message = "payment provider unavailable") {
    super(message);
    this.name = "PaymentUnavailableError";
  }
}

export type RedirectCheckoutInput = {
  orderId: string;
  orderNumber: string;
  currency: string;
  lines: { name: string; quantity: number; unitPriceMinor: number }[];
  customerEmail: string;
  locale: "sv" | "en";
  successUrl: string;
  cancelUrl: string;
  expiresAt: Date;
  idempotencyKey: string;
};

export type RefundInput = {
  /** The order's payment reference as this provider stored it (Order.paymentRef). */
  paymentRef: string;
  orderId: string;
  /** Our Refund's id, kept with the provider's refund so that its webhook names it. */
  refundId?: string;
  amountMinor: number;
  currency: string;
  /** The same key for every attempt at one refund: the provider pays it back once. */
  idempotencyKey: string;
};

/**
 * "succeeded": the money is on its way back; "pending": accepted, the provider settles it later;
 * "failed": refused for good (say, the payment was disputed). Throws PaymentUnavailableError
 * when the provider did not answer: try again with the same key.
 */
export type RefundResult = { status: "succeeded" | "pending"; reference: string } | { status: "failed"; reason: string };

/** What every provider does after a payment: pay some or all of it back. */
interface Refunds {
  refund(input: RefundInput): Promise<RefundResult>;
  /**
   * Where a refund the provider answered "pending" stands now (`reference` is its id), for one
   * whose webhook never came. Only a provider that settles refunds later needs it. Throws
   * PaymentUnavailableError when the provider did not answer.
   */
  refundState?(reference: string): Promise<RefundResult>;
}

/** Takes the card on our own form and charges it at once (the test provider). */
export interface CardFormProvider extends Refunds {
  readonly id: string;
  readonly flow: "card-form";
  charge(input: {
    orderId: string;
    orderNumber: string;
    amountMinor: number;
    currency: string;
    card: CardInput;
    idempotencyKey: string;
  }): Promise<ChargeResult>;
}

/** Sends the buyer to the provider's own payment page; a signed webhook confirms (Stripe). */
export interface RedirectProvider extends Refunds {
  readonly id: string;
  readonly flow: "redirect";
  createCheckout(input: RedirectCheckoutInput): Promise<{ url: string; reference: string }>;
  /**
   * Closes the payment page of `reference` so that nothing can be paid there any more:
   * "closed" once it cannot take money, "paid" when the buyer has paid already (the webhook
   * completes the order). Throws PaymentUnavailableError when the provider cannot say.
   */
  closeCheckout(reference: string): Promise<"closed" | "paid">;
  /**
   * The brand and last four digits of the card that paid `paymentReference` (the provider's
   * payment id), as the provider reports them; null when no card paid. Throws
   * PaymentUnavailableError when the provider cannot say.
   */
  paymentCard(paymentReference: string): Promise<PaymentCard | null>;
}

export type PaymentCard = { brand: string | null; last4: string | null };

export type PaymentProvider = CardFormProvider | RedirectProvider;

/** How long a pending payment may hold tickets before they go back on sale. */
export function holdDurationMs(provider: PaymentProvider): number {
  // Stripe Checkout sessions live at least 30 minutes; the hold outlives the session.
  return provider.flow === "redirect" ? 35 * 60_000 : 15 * 60_000;
}
