// The payment provider this deployment uses: Stripe Checkout when STRIPE_SECRET_KEY is set,
// otherwise the test provider with its documented test cards (never on a real production site).
import { env, testPaymentsAllowed } from "../env";
import type { PaymentProvider } from "./provider";
import { stripeProvider } from "./stripe";
import { testPaymentProvider } from "./test-provider";

let cached: PaymentProvider | undefined;

export function paymentProvider(): PaymentProvider {
  if (cached) return cached;
  const config = env();
  if (config.STRIPE_SECRET_KEY) {
    cached = stripeProvider({ secretKey: config.STRIPE_SECRET_KEY });
  } else {
    // lib/env.ts already refuses to start such a server; this keeps the rule if that check moves.
    if (!testPaymentsAllowed(config)) throw new Error("No payment provider: set STRIPE_SECRET_KEY (or DEMO_MODE=true for a demo)");
    cached = testPaymentProvider();
  }
  return cached;
}
