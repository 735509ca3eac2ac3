// Organizers with members, and paid orders made the way checkout makes them (completeOrder),
// so the emails and consents a correction must deal with are really there.
import { randomBytes, randomUUID } from "node:crypto";
import { ensureBuyerAccount } from "@/lib/accounts/buyer-account";
import { normaliseEmail } from "@/lib/accounts/email-address";
import { db } from "@/lib/db/client";
import type { Locale, OrganizerRole } from "@/lib/db/types";
import { newOrderNumber } from "@/lib/orders/codes";
import { completeOrder } from "@/lib/orders/finalize-order";
import { createEvent } from "../helpers/fixtures";

const unique = () => randomBytes(4).toString("hex");

export async function createUser(name = "Test Person") {
  return db.user.create({ data: { email: `user-${unique()}@example.se`, name } });
}

export async function addMember(organizerId: string, role: OrganizerRole, name = `${role} ${unique()}`) {
  const user = await createUser(name);
  await db.organizerMember.create({ data: { organizerId, userId: user.id, role } });
  return user;
}

/** An organizer with one event and an OWNER, ADMIN and STAFF member. */
export async function organizerWithTeam() {
  const { event, ticketTypes, organizerId } = await createEvent();
  const owner = await addMember(organizerId, "OWNER", "Olga Ägare");
  const admin = await addMember(organizerId, "ADMIN", "Adam Admin");
  const staff = await addMember(organizerId, "STAFF", "Stina Dörr");
  return { organizerId, event, ticketTypes, owner, admin, staff };
}

export async function paidOrder(
  { eventId, ticketTypeId }: { eventId: string; ticketTypeId: string },
  options: {
    email?: string;
    name?: string;
    quantity?: number;
    locale?: Locale;
    marketingOptIn?: boolean;
    cardLast4?: string | null;
    priceMinor?: number;
  } = {},
) {
  const email = options.email ?? `buyer-${unique()}@example.se`;
  const name = options.name ?? "Greta Köpare";
  const quantity = options.quantity ?? 2;
  const unit = options.priceMinor ?? 25_000;
  return db.$transaction(async (tx) => {
    // As checkout does: the account has the normalised address, the order keeps it as typed.
    const account = await ensureBuyerAccount(tx, { email: normaliseEmail(email), name, locale: options.locale ?? "sv" });
    const order = await tx.order.create({
      data: {
        number: newOrderNumber(),
        eventId,
        userId: account.userId,
        buyerName: name,
        buyerEmail: email,
        locale: options.locale ?? "sv",
        marketingOptIn: options.marketingOptIn ?? false,
        subtotalMinor: unit * quantity,
        totalMinor: unit * quantity,
        items: { create: [{ ticketTypeId, quantity, unitPriceMinor: unit }] },
      },
    });
    const cardLast4 = options.cardLast4 === undefined ? "4242" : options.cardLast4;
    await completeOrder(tx, order.id, {
      admissions: "unclaimed",
      payment: { provider: "test", reference: `ref-${randomUUID()}`, cardBrand: cardLast4 ? "visa" : null, cardLast4 },
    });
    return tx.order.findUniqueOrThrow({ where: { id: order.id }, include: { tickets: true } });
  });
}
