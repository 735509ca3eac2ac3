// An account as a buyer leaves it after a few purchases: orders with tickets, a consent, a like,
// sessions, a token, a pending email change, an avatar, emails waiting in the outbox.
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import { newOrderNumber, newTicketCode } from "@/lib/orders/codes";
import { createEvent } from "../helpers/fixtures";

export const unique = () => randomBytes(4).toString("hex");
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

export async function createBuyer(options: { email?: string; passwordHash?: string } = {}) {
  return db.user.create({
    data: {
      email: options.email ?? `kund-${unique()}@example.se`,
      name: "Kim Kund",
      handle: `kim${unique()}`,
      bio: "Gillar jazz.",
      passwordHash: options.passwordHash ?? null,
    },
  });
}

export async function createPaidOrder({ userId, buyerEmail, title }: { userId: string | null; buyerEmail: string; title?: string }) {
  const { event, ticketTypes, organizerId } = await createEvent({ title, ticketTypes: [{ name: "Ståplats" }] });
  const order = await db.order.create({
    data: {
      number: newOrderNumber(),
      eventId: event.id,
      userId,
      buyerName: "Kim Kund",
      buyerEmail,
      status: "PAID",
      marketingOptIn: true,
      subtotalMinor: 50_000,
      totalMinor: 50_000,
      paidAt: new Date(),
      items: { create: [{ ticketTypeId: ticketTypes[0].id, quantity: 2, unitPriceMinor: 25_000 }] },
      tickets: {
        createMany: {
          data: [0, 1].map(() => ({ code: newTicketCode(), ticketTypeId: ticketTypes[0].id, eventId: event.id })),
        },
      },
    },
    include: { tickets: true },
  });
  return { order, event, organizerId };
}

export async function createConsent({
  organizerId,
  email,
  userId,
  orderId,
  withdrawnAt,
}: {
  organizerId: string;
  email: string;
  userId?: string | null;
  orderId?: string | null;
  withdrawnAt?: Date | null;
}) {
  return db.marketingConsent.create({
    data: {
      organizerId,
      email,
      userId: userId ?? null,
      orderId: orderId ?? null,
      givenAt: new Date("2026-05-02T18:30:00Z"),
      source: "checkout",
      withdrawnAt: withdrawnAt ?? null,
    },
  });
}

/** A buyer with one of everything; returns the secrets so a test can look for them. */
export async function createFullAccount() {
  const secrets = {
    password: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$not-a-real-hash-but-secret",
    sessionToken: `sess-${unique()}${unique()}`,
    tokenHash: sha256(`pat-${unique()}`),
    changeHash: sha256(`chg-${unique()}`),
    linkHash: sha256(`link-${unique()}`),
  };
  const user = await createBuyer({ passwordHash: secrets.password });
  const { order, event, organizerId } = await createPaidOrder({ userId: user.id, buyerEmail: user.email, title: `Jazzkväll ${unique()}` });
  const consent = await createConsent({ organizerId, email: user.email, userId: user.id, orderId: order.id });
  await db.like.create({ data: { userId: user.id, eventId: event.id } });
  await db.session.create({ data: { userId: user.id, sessionToken: secrets.sessionToken, expires: new Date(Date.now() + 86_400_000) } });
  await db.personalAccessToken.create({
    data: {
      userId: user.id,
      name: "Telefonen",
      tokenHash: secrets.tokenHash,
      prefix: "bjt_ab12",
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
  const newEmail = `ny-${unique()}@example.se`;
  await db.emailChangeRequest.create({
    data: { userId: user.id, newEmail, tokenHash: secrets.changeHash, expiresAt: new Date(Date.now() + 3_600_000) },
  });
  const avatar = await db.upload.create({
    data: { ownerId: user.id, contentType: "image/webp", byteSize: 4, width: 1, height: 1, data: Buffer.from("RIFF") },
  });
  await db.user.update({ where: { id: user.id }, data: { avatarId: avatar.id, image: `/media/${avatar.id}` } });
  await db.verificationToken.create({ data: { identifier: user.email, token: secrets.linkHash, expires: new Date(Date.now() + 900_000) } });
  return { user, order, event, organizerId, consent, avatar, newEmail, secrets };
}
