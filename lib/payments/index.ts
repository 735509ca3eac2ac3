// The payment provider this deployment uses: Stripe Checkout when STRIPE_SECRET_KEY is set,
// otherwise the test provider with its documented test cards.
import { env } from "../env";
import type { PaymentProvider } from "./provider";
import { stripeProvider } from "./stripe";
import { testPaymentProvider } from "./test-provider";

let cached: PaymentProvider | undefined;

export function paymentProvider(): PaymentProvider {
  if (cached) return cached;
  const { STRIPE_SECRET_KEY } = env();
  cached = STRIPE_SECRET_KEY ? stripeProvider({ secretKey: STRIPE_SECRET_KEY }) : testPaymentProvider();
  return cached;
}
