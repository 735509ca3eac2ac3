// "Download my data": everything the site keeps about one account, as plain JSON. Secrets that
// would let someone act as the user (password hash, session tokens, token and link hashes) are
// never read, so they cannot end up in the file.
import "server-only";
import { normaliseEmail } from "../accounts/email-address";
import { liveSessionWhere } from "../auth/sessions";
import { db } from "../db/client";
import { heldOrdersWhere, holderOf } from "../ownership/holdings";
import { mediaUrl } from "../uploads/media-url";
import { isUuid } from "@/lib/ids";

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** The file name of an export made at `now`: biljett-data-YYYY-MM-DD.json (UTC date). */
export function dataExportFileName(now = new Date()): string {
  return `biljett-data-${now.toISOString().slice(0, 10)}.json`;
}

export async function buildDataExport(userId: string, now = new Date()) {
  if (!isUuid(userId)) return null;
  // Every select names its fields: a column added later (or a hash) is never exported by accident.
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      emailVerified: true,
      name: true,
      locale: true,
      handle: true,
      bio: true,
      profilePublic: true,
      passwordSetAt: true,
      createdAt: true,
      updatedAt: true,
      avatar: { select: { id: true, contentType: true, byteSize: true, width: true, height: true, createdAt: true } },
    },
  });
  if (!user) return null;
  const email = normaliseEmail(user.email);
  // The orders the account holds (lib/ownership/holdings.ts), in every status: pending and
  // failed ones were placed with its data too.
  const heldOrders = await heldOrdersWhere(holderOf(user), { statuses: "any" });

  const [orders, likes, consents, tokens, sessions, emailChanges, memberships, uploads] = await Promise.all([
    db.order.findMany({
      where: heldOrders,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        number: true,
        status: true,
        buyerName: true,
        buyerEmail: true,
        locale: true,
        marketingOptIn: true,
        currency: true,
        subtotalMinor: true,
        feeMinor: true,
        totalMinor: true,
        cardBrand: true,
        cardLast4: true,
        paidAt: true,
        createdAt: true,
        event: { select: { title: true, slug: true, venue: true, city: true, startsAt: true, organizer: { select: { name: true } } } },
        items: { select: { quantity: true, unitPriceMinor: true, ticketType: { select: { name: true } } } },
        tickets: {
          orderBy: [{ createdAt: "asc" }, { code: "asc" }],
          select: { code: true, status: true, checkedInAt: true, ticketType: { select: { name: true } } },
        },
      },
    }),
    db.like.findMany({
      where: { userId },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true, event: { select: { title: true, slug: true, startsAt: true } } },
    }),
    db.marketingConsent.findMany({
      where: { OR: [{ userId }, { userId: null, email }] },
      orderBy: { givenAt: "asc" },
      select: { email: true, givenAt: true, withdrawnAt: true, source: true, orderId: true, organizer: { select: { name: true } } },
    }),
    db.personalAccessToken.findMany({
      where: { userId },
      orderBy: { createdAt: "asc" },
      select: { name: true, prefix: true, createdAt: true, lastUsedAt: true, expiresAt: true, revokedAt: true },
    }),
    db.session.findMany({
      where: { userId, ...liveSessionWhere(now) },
      orderBy: { expires: "asc" },
      select: { expires: true, userAgent: true },
    }),
    db.emailChangeRequest.findMany({
      where: { userId },
      orderBy: { createdAt: "asc" },
      select: { newEmail: true, createdAt: true, expiresAt: true, usedAt: true },
    }),
    db.organizerMember.findMany({ where: { userId }, select: { role: true, createdAt: true, organizer: { select: { name: true } } } }),
    db.upload.count({ where: { ownerId: userId } }),
  ]);
  const orderNumbers = new Map<string, string>();
  if (consents.some((consent) => consent.orderId)) {
    const consentOrders = await db.order.findMany({
      where: { id: { in: consents.flatMap((consent) => (consent.orderId ? [consent.orderId] : [])) } },
      select: { id: true, number: true },
    });
    for (const order of consentOrders) orderNumbers.set(order.id, order.number);
  }

  return {
    exportedAt: now.toISOString(),
    profile: {
      email: user.email,
      emailVerifiedAt: iso(user.emailVerified),
      name: user.name,
      locale: user.locale,
      handle: user.handle,
      bio: user.bio,
      profilePublic: user.profilePublic,
      passwordSetAt: iso(user.passwordSetAt),
      createdAt: user.createdAt.toISOString(),
      updatedAt: user.updatedAt.toISOString(),
    },
    avatar: user.avatar
      ? {
          url: mediaUrl(user.avatar.id),
          contentType: user.avatar.contentType,
          byteSize: user.avatar.byteSize,
          width: user.avatar.width,
          height: user.avatar.height,
          uploadedAt: user.avatar.createdAt.toISOString(),
        }
      : null,
    uploadedPictures: uploads,
    orders: orders.map((order) => ({
      number: order.number,
      status: order.status,
      buyerName: order.buyerName,
      buyerEmail: order.buyerEmail,
      locale: order.locale,
      marketingOptIn: order.marketingOptIn,
      currency: order.currency,
      subtotalMinor: order.subtotalMinor,
      feeMinor: order.feeMinor,
      totalMinor: order.totalMinor,
      card: order.cardLast4 ? { brand: order.cardBrand, last4: order.cardLast4 } : null,
      paidAt: iso(order.paidAt),
      createdAt: order.createdAt.toISOString(),
      event: {
        title: order.event.title,
        slug: order.event.slug,
        venue: order.event.venue,
        city: order.event.city,
        startsAt: order.event.startsAt.toISOString(),
        organizer: order.event.organizer.name,
      },
      items: order.items.map((item) => ({
        ticketType: item.ticketType.name,
        quantity: item.quantity,
        unitPriceMinor: item.unitPriceMinor,
      })),
      tickets: order.tickets.map((ticket) => ({
        code: ticket.code,
        ticketType: ticket.ticketType.name,
        status: ticket.status,
        checkedIn: ticket.checkedInAt !== null,
        checkedInAt: iso(ticket.checkedInAt),
      })),
    })),
    likes: likes.map((like) => ({
      likedAt: like.createdAt.toISOString(),
      event: { title: like.event.title, slug: like.event.slug, startsAt: like.event.startsAt.toISOString() },
    })),
    marketingConsents: consents.map((consent) => ({
      organizer: consent.organizer.name,
      email: consent.email,
      source: consent.source,
      orderNumber: consent.orderId ? (orderNumbers.get(consent.orderId) ?? null) : null,
      givenAt: consent.givenAt.toISOString(),
      withdrawnAt: iso(consent.withdrawnAt),
    })),
    personalAccessTokens: tokens.map((token) => ({
      name: token.name,
      prefix: token.prefix,
      createdAt: token.createdAt.toISOString(),
      lastUsedAt: iso(token.lastUsedAt),
      expiresAt: iso(token.expiresAt),
      revokedAt: iso(token.revokedAt),
    })),
    sessions: {
      active: sessions.length,
      expires: sessions.map((session) => session.expires.toISOString()),
      // The User-Agent each sign-in came from, kept to name the device on /account/sessions.
      devices: sessions.map((session) => session.userAgent),
    },
    emailChangeRequests: emailChanges.map((request) => ({
      newEmail: request.newEmail,
      requestedAt: request.createdAt.toISOString(),
      expiresAt: request.expiresAt.toISOString(),
      usedAt: iso(request.usedAt),
    })),
    organizerMemberships: memberships.map((membership) => ({
      organizer: membership.organizer.name,
      role: membership.role,
      since: membership.createdAt.toISOString(),
    })),
  };
}

export type DataExport = NonNullable<Awaited<ReturnType<typeof buildDataExport>>>;
