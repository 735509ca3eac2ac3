import { databaseKind, useTestDatabase } from "../helpers/test-db";
useTestDatabase();

import { createEvent } from "../helpers/fixtures";
import { createUser } from "./helpers";
import { db } from "@/lib/db/client";
import { completePendingLike } from "@/lib/likes/complete-pending-like";
import { PENDING_LIKE_MAX_AGE_S, pendingLikeCompletionPath, readPendingLike, signPendingLike } from "@/lib/likes/pending-like";

const eventId = "0190a0a0-0000-7000-8000-000000000001";
const now = new Date("2027-05-01T12:00:00Z");

describe("signPendingLike and readPendingLike", () => {
  it("reads back the event of a cookie it signed, until it expires", () => {
    const value = signPendingLike(eventId, { now });
    expect(readPendingLike(value, { now })).toEqual({ eventId });
    expect(readPendingLike(value, { now: new Date(now.getTime() + PENDING_LIKE_MAX_AGE_S * 1000 - 1) })).toEqual({ eventId });
    expect(readPendingLike(value, { now: new Date(now.getTime() + PENDING_LIKE_MAX_AGE_S * 1000) })).toBeNull();
  });

  it("refuses a cookie changed to name another event or live longer, or signed with another secret", () => {
    const [, expires, signature] = signPendingLike(eventId, { now }).split(".");
    const other = "0190a0a0-0000-7000-8000-000000000002";
    expect(readPendingLike(`${other}.${expires}.${signature}`, { now })).toBeNull();
    expect(readPendingLike(`${eventId}.${Number(expires) + 1}.${signature}`, { now })).toBeNull();
    expect(readPendingLike(signPendingLike(eventId, { now, secret: "x".repeat(40) }), { now })).toBeNull();
    for (const junk of [undefined, null, "", eventId, `${eventId}.${expires}`, `${eventId}.${expires}.${signature}.x`, "a.b.c"]) {
      expect(readPendingLike(junk, { now })).toBeNull();
    }
  });

  it("builds the path signing in comes back to", () => {
    expect(pendingLikeCompletionPath("jazz-i-parken")).toBe("/likes/complete?event=jazz-i-parken");
  });
});

describe(`completePendingLike (${databaseKind})`, () => {
  const likeCount = (userId: string) => db.like.count({ where: { userId } });

  it("saves the like when the cookie names the event of the link, and spends the cookie", async () => {
    const user = await createUser();
    const { event } = await createEvent();
    const cookieValue = signPendingLike(event.id);
    expect(await completePendingLike({ userId: user.id, slug: event.slug, cookieValue })).toEqual({
      saved: true,
      slug: event.slug,
      clearCookie: true,
    });
    expect(await db.like.findMany({ where: { userId: user.id }, select: { eventId: true } })).toEqual([{ eventId: event.id }]);
  });

  it("saves nothing for a link alone, without the cookie", async () => {
    const user = await createUser();
    const { event } = await createEvent();
    expect(await completePendingLike({ userId: user.id, slug: event.slug, cookieValue: undefined })).toEqual({
      saved: false,
      slug: event.slug,
      clearCookie: false,
    });
    expect(await likeCount(user.id)).toBe(0);
  });

  it("saves nothing when the cookie names another event, and keeps that cookie for its own link", async () => {
    const user = await createUser();
    const [pressed, linked] = [await createEvent(), await createEvent()];
    const cookieValue = signPendingLike(pressed.event.id);
    expect(await completePendingLike({ userId: user.id, slug: linked.event.slug, cookieValue })).toEqual({
      saved: false,
      slug: linked.event.slug,
      clearCookie: false,
    });
    expect(await likeCount(user.id)).toBe(0);
  });

  it("saves nothing with a forged or expired cookie, and clears it", async () => {
    const user = await createUser();
    const { event } = await createEvent();
    const forged = signPendingLike(event.id, { secret: "y".repeat(40) });
    const expired = signPendingLike(event.id, { now: new Date(Date.now() - PENDING_LIKE_MAX_AGE_S * 1000 - 1) });
    for (const cookieValue of [forged, expired]) {
      expect(await completePendingLike({ userId: user.id, slug: event.slug, cookieValue })).toEqual({
        saved: false,
        slug: event.slug,
        clearCookie: true,
      });
    }
    expect(await likeCount(user.id)).toBe(0);
  });

  it("saves nothing for an event that was unpublished meanwhile, or an unknown slug", async () => {
    const user = await createUser();
    const { event } = await createEvent();
    const cookieValue = signPendingLike(event.id);
    await db.event.update({ where: { id: event.id }, data: { status: "DRAFT" } });
    expect(await completePendingLike({ userId: user.id, slug: event.slug, cookieValue })).toEqual({
      saved: false,
      slug: null,
      clearCookie: false,
    });
    expect(await completePendingLike({ userId: user.id, slug: "finns-inte", cookieValue })).toMatchObject({ saved: false, slug: null });
    expect(await completePendingLike({ userId: user.id, slug: null, cookieValue })).toMatchObject({ saved: false, slug: null });
    expect(await likeCount(user.id)).toBe(0);
  });
});
