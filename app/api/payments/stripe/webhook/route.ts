// Stripe's webhook endpoint. The signature is the authorization: nothing unsigned is believed.
import { NextResponse } from "next/server";
import { env } from "@/lib/env";
import { wakeOutboxSender } from "@/lib/outbox/in-app";
import { paymentProvider } from "@/lib/payments";
import { BodyTooLargeError, bodyTooLargeResponse, readBoundedText } from "@/lib/security/bounded-body";
import { handleStripeEvent, verifyStripeSignature, WebhookSignatureError } from "@/lib/payments/stripe-webhook";

export async function POST(request: Request) {
  const secret = env().STRIPE_WEBHOOK_SECRET;
  if (!secret) return NextResponse.json({ error: "not_found" }, { status: 404 });

  let payload: string;
  try {
    payload = await readBoundedText(request);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return bodyTooLargeResponse();
    throw error;
  }
  let event;
  try {
    event = verifyStripeSignature(payload, request.headers.get("stripe-signature"), secret);
  } catch (error) {
    if (error instanceof WebhookSignatureError || error instanceof SyntaxError) {
      return NextResponse.json({ error: "invalid_signature" }, { status: 400 });
    }
    throw error;
  }

  const provider = paymentProvider();
  const paymentCard = provider.flow === "redirect" ? (id: string) => provider.paymentCard(id) : undefined;
  const outcome = await handleStripeEvent(event, console.warn, { paymentCard });
  if (outcome === "completed" || outcome === "refunded" || outcome === "refund_failed") wakeOutboxSender();
  return NextResponse.json({ received: true, outcome });
}
