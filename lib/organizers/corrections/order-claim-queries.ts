import "server-only";
import { db } from "../../db/client";
import { normaliseOrderNumber } from "./order-claim";

/** The user's own order with that number, or null (for the "claimed" notice). */
export async function findOwnOrderByNumber(userId: string, number: string) {
  return db.order.findFirst({
    where: { number: normaliseOrderNumber(number).slice(0, 16), userId },
    select: { id: true, number: true, buyerEmail: true },
  });
}
