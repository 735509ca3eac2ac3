// Rows the like tests need: users, and orders placed the way checkout places them.
import { randomBytes, randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { placeOrder } from "@/lib/orders/place-order";
import { TEST_CARDS, testPaymentProvider } from "@/lib/payments/test-provider";

export async function createUser(name = "Lisa Holm") {
  return db.user.create({ data: { email: `lisa-${randomBytes(4).toString("hex")}@example.se`, name } });
}

/** An order through checkout; `card` decides whether it ends PAID or FAILED. */
export async function orderTickets(
  { eventId, ticketTypeId, email }: { eventId: string; ticketTypeId: string; email: string },
  card: string = TEST_CARDS.succeeds,
): Promise<string> {
  const result = await placeOrder(
    {
      eventId,
      items: [{ ticketTypeId, quantity: 1 }],
      buyer: { name: "Lisa Holm", email },
      marketingOptIn: false,
      locale: "sv",
      idempotencyKey: randomUUID(),
      card: { number: card, expiry: "12/40", cvc: "123" },
    },
    { provider: testPaymentProvider() },
  );
  if (!result.ok) throw new Error(result.refusal);
  return result.orderId;
}
