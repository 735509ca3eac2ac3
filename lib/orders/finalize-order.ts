// The end of a checkout: a paid (or free) order gets its tickets, the buyer's consent is
// recorded, and the emails are queued; a failed or abandoned one gives its held admissions back.
// Each is one call of a SQL function (prisma/migrations/*_checkout_functions), so it is one round
// trip and the ticket types are locked only while that statement runs. Run inside the caller's
// transaction when given one (a webhook), or on its own.
import { randomBytes } from "node:crypto";
import type { Db, DbTransaction } from "../db/client";
import type { OrderStatus } from "../db/types";
import { env } from "../env";
import { hashVerificationToken, SIGN_IN_LINK_PATH } from "../accounts/sign-in-links";
import { SoldOutError } from "./inventory";

/** The welcome email's sign-in link: a full sign-in, so short-lived; "Forgot password" is there after. */
export const WELCOME_LINK_MAX_AGE_MS = 48 * 60 * 60_000;
export const SET_PASSWORD_PATH = "/account/password";

export type PaymentRecord = {
  provider: string;
  reference: string;
  cardBrand: string | null;
  cardLast4: string | null;
};

type Queryable = Pick<Db, "$queryRaw"> | DbTransaction;

/** Locks the order row for the rest of the transaction and returns its status. */
export async function lockOrder(tx: DbTransaction, orderId: string): Promise<OrderStatus | null> {
  const rows = await tx.$queryRaw<{ status: OrderStatus }[]>`
    SELECT "status" FROM "Order" WHERE "id" = ${orderId}::uuid FOR UPDATE`;
  return rows[0]?.status ?? null;
}

/**
 * The welcome email's sign-in link for an address, made before the database is asked: the SQL
 * stores the token's hash and queues the email only if the account turns out to need it.
 */
export function welcomeLink(email: string, now: Date): { email: string; url: string; tokenHash: string; expires: string } {
  const token = randomBytes(32).toString("hex");
  const query = new URLSearchParams({ token, email, callbackUrl: SET_PASSWORD_PATH });
  return {
    email,
    url: `${env().SITE_URL}${SIGN_IN_LINK_PATH}?${query.toString()}`,
    tokenHash: hashVerificationToken(token),
    expires: new Date(now.getTime() + WELCOME_LINK_MAX_AGE_MS).toISOString(),
  };
}

/** Whose account an order belongs to: the address a welcome link must be made for. */
async function accountEmailOf(tx: Queryable, orderId: string): Promise<string | null> {
  const rows = await tx.$queryRaw<{ email: string }[]>`
    SELECT u."email" FROM "Order" o JOIN "User" u ON u."id" = o."userId" WHERE o."id" = ${orderId}::uuid`;
  return rows[0]?.email ?? null;
}

/**
 * Completes a PENDING order. `admissions` says where its admissions are: "held" by an earlier
 * statement while the payment ran, or "unclaimed" (claimed here and now; SoldOutError when
 * there is no room). Returns false, changing nothing, if the order is no longer pending (a
 * webhook retried, say). `accountEmail` saves a read when the caller knows the buyer's
 * (normalised) address.
 */
export async function completeOrder(
  tx: Queryable,
  orderId: string,
  {
    admissions,
    payment,
    now = new Date(),
    accountEmail,
  }: { admissions: "held" | "unclaimed"; payment: PaymentRecord | null; now?: Date; accountEmail?: string },
): Promise<boolean> {
  const email = accountEmail ?? (await accountEmailOf(tx, orderId));
  const welcome = email ? welcomeLink(email, now) : null;
  const [row] = await tx.$queryRaw<{ result: { completed?: boolean; soldOut?: string } }[]>`
    SELECT "checkout_complete"(${orderId}::uuid, ${admissions}, ${payment ? JSON.stringify(payment) : null}::jsonb,
                               ${now}::timestamptz, ${welcome ? JSON.stringify(welcome) : null}::jsonb) AS "result"`;
  if (row.result.soldOut) throw new SoldOutError(row.result.soldOut);
  return row.result.completed === true;
}

export type FailureReason = "payment_declined" | "payment_unavailable" | "hold_expired";

/** Fails a PENDING order and releases what it held; false if it was no longer pending. */
export async function failOrder(tx: Queryable, orderId: string, reason: FailureReason): Promise<boolean> {
  // checkout_fail, and an order bought through a waiting-list offer still open gets the offer back.
  const [row] = await tx.$queryRaw<{ failed: boolean }[]>`
    SELECT "waiting_list_fail_order"(${orderId}::uuid, ${reason}, now()) AS "failed"`;
  return row.failed;
}
