import { databaseKind, describeOnPostgres, useTestDatabase } from "../helpers/test-db";
useTestDatabase();

import { randomUUID } from "node:crypto";
import { createEvent } from "../helpers/fixtures";
import { createUser } from "./helpers";
import { db } from "@/lib/db/client";
import { isEventLiked, listLikedEventIds } from "@/lib/likes/queries";
import { LIKES_PER_USER, setLike } from "@/lib/likes/set-like";

const likesOf = (userId: string) => db.like.findMany({ where: { userId }, select: { eventId: true } });

describe(`setLike (${databaseKind})`, () => {
  it("likes and unlikes, and doing either twice changes nothing more", async () => {
    const user = await createUser();
    const { event } = await createEvent();

    expect(await setLike({ userId: user.id, eventId: event.id, liked: true })).toEqual({ ok: true, liked: true });
    const first = await db.like.findUniqueOrThrow({ where: { userId_eventId: { userId: user.id, eventId: event.id } } });
    expect(await setLike({ userId: user.id, eventId: event.id, liked: true, now: new Date(Date.now() + 60_000) })).toEqual({
      ok: true,
      liked: true,
    });
    expect(await likesOf(user.id)).toEqual([{ eventId: event.id }]);
    // A second like keeps the first one's time.
    expect((await db.like.findUniqueOrThrow({ where: { userId_eventId: { userId: user.id, eventId: event.id } } })).createdAt).toEqual(
      first.createdAt,
    );
    expect(await isEventLiked(user.id, event.id)).toBe(true);

    expect(await setLike({ userId: user.id, eventId: event.id, liked: false })).toEqual({ ok: true, liked: false });
    expect(await setLike({ userId: user.id, eventId: event.id, liked: false })).toEqual({ ok: true, liked: false });
    expect(await likesOf(user.id)).toEqual([]);
    expect(await isEventLiked(user.id, event.id)).toBe(false);
  });

  it("keeps each user's likes apart: one user's unlike leaves another's like", async () => {
    const [anna, bo] = [await createUser("Anna"), await createUser("Bo")];
    const { event } = await createEvent();
    await setLike({ userId: anna.id, eventId: event.id, liked: true });
    await setLike({ userId: bo.id, eventId: event.id, liked: true });
    await setLike({ userId: bo.id, eventId: event.id, liked: false });
    expect(await isEventLiked(anna.id, event.id)).toBe(true);
    expect(await isEventLiked(bo.id, event.id)).toBe(false);
  });

  it("saves nothing for a draft, cancelled or unknown event", async () => {
    const user = await createUser();
    const draft = await createEvent({ status: "DRAFT" });
    const cancelled = await createEvent({ status: "CANCELLED" });
    for (const eventId of [draft.event.id, cancelled.event.id, randomUUID(), "not-a-uuid"]) {
      expect(await setLike({ userId: user.id, eventId, liked: true })).toEqual({ ok: false, error: "not_found", liked: false });
    }
    expect(await db.like.count({ where: { userId: user.id } })).toBe(0);
  });

  it("refuses once a user has toggled too often, and says what is stored", async () => {
    const user = await createUser();
    const { event } = await createEvent();
    const now = new Date("2027-03-01T10:00:00Z");
    for (let i = 0; i < LIKES_PER_USER.limit; i++) {
      expect((await setLike({ userId: user.id, eventId: event.id, liked: i % 2 === 0, now })).ok).toBe(true);
    }
    // The last allowed toggle was an unlike (the limit is even), so nothing is liked now.
    expect(await setLike({ userId: user.id, eventId: event.id, liked: true, now })).toEqual({
      ok: false,
      error: "rate_limited",
      liked: false,
    });
    expect(await isEventLiked(user.id, event.id)).toBe(false);
    // Another user is not held back, and the window ends.
    expect((await setLike({ userId: (await createUser()).id, eventId: event.id, liked: true, now })).ok).toBe(true);
    const later = new Date(now.getTime() + LIKES_PER_USER.windowMs);
    expect(await setLike({ userId: user.id, eventId: event.id, liked: true, now: later })).toEqual({ ok: true, liked: true });
  });
});

describe(`listLikedEventIds (${databaseKind})`, () => {
  it("gives which of a page's events the user likes, and asks nothing without a user", async () => {
    const user = await createUser();
    const [a, b, c] = [await createEvent(), await createEvent(), await createEvent()];
    await setLike({ userId: user.id, eventId: a.event.id, liked: true });
    await setLike({ userId: user.id, eventId: c.event.id, liked: true });
    await setLike({ userId: (await createUser()).id, eventId: b.event.id, liked: true });

    const ids = [a.event.id, b.event.id, c.event.id];
    expect((await listLikedEventIds(user.id, ids)).sort()).toEqual([a.event.id, c.event.id].sort());
    expect(await listLikedEventIds(null, ids)).toEqual([]);
    expect(await listLikedEventIds(user.id, [])).toEqual([]);
  });
});

describeOnPostgres("setLike at the same time (PostgreSQL)", () => {
  it("stores one like when two tabs like the same event at once, and both hear it is liked", async () => {
    const user = await createUser();
    const { event } = await createEvent();
    const results = await Promise.all(Array.from({ length: 6 }, () => setLike({ userId: user.id, eventId: event.id, liked: true })));
    expect(results).toEqual(Array(6).fill({ ok: true, liked: true }));
    expect(await likesOf(user.id)).toEqual([{ eventId: event.id }]);
  });
});
