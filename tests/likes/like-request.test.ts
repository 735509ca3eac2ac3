import { databaseKind, useTestDatabase } from "../helpers/test-db";
useTestDatabase();

import { createEvent } from "../helpers/fixtures";
import { createUser } from "./helpers";
import { db } from "@/lib/db/client";
import { handleLikeRequest } from "@/lib/likes/like-request";
import { readPendingLike } from "@/lib/likes/pending-like";
import { parseLikeForm } from "@/lib/likes/schemas";

describe("parseLikeForm", () => {
  const eventId = "0190a0a0-0000-7000-8000-000000000001";

  it("reads the fields, keeping only a same-site path to return to", () => {
    expect(parseLikeForm({ eventId, intent: "like", returnTo: "/events?q=jazz#like-x" })).toEqual({
      eventId,
      intent: "like",
      returnTo: "/events?q=jazz#like-x",
    });
    expect(parseLikeForm({ eventId, intent: "unlike", returnTo: "https://evil.example/", enhanced: "1" })).toEqual({
      eventId,
      intent: "unlike",
      returnTo: "/",
      enhanced: "1",
    });
    for (const returnTo of ["//evil.example", "/.//evil.example", "/./\\evil.example", "/%2e/%2f/evil.example", "javascript:alert(1)"]) {
      expect(parseLikeForm({ eventId, intent: "like", returnTo })?.returnTo).toBe("/");
    }
    expect(parseLikeForm({ eventId, intent: "like", returnTo: "/events/./x#like-y" })?.returnTo).toBe("/events/x#like-y");
  });

  it("refuses a post that is not a like form", () => {
    expect(parseLikeForm({ eventId: "1", intent: "like" })).toBeNull();
    expect(parseLikeForm({ eventId, intent: "toggle" })).toBeNull();
    expect(parseLikeForm({})).toBeNull();
  });
});

describe(`handleLikeRequest (${databaseKind})`, () => {
  it("writes nothing for a signed-out visitor: sends them to sign in with a cookie naming the event", async () => {
    const { event } = await createEvent();
    const before = await db.like.count();
    const outcome = await handleLikeRequest({ userId: null, fields: { eventId: event.id, intent: "like", returnTo: "/events" } });
    expect(outcome).toEqual({
      kind: "sign_in",
      location: `/login?callbackUrl=${encodeURIComponent(`/likes/complete?event=${event.slug}`)}`,
      pendingLike: expect.any(String),
    });
    if (outcome.kind !== "sign_in") throw new Error("unreachable");
    expect(readPendingLike(outcome.pendingLike)).toEqual({ eventId: event.id });
    expect(await db.like.count()).toBe(before);
  });

  it("sends a signed-out visitor to sign in without a cookie for an unlike, and 404s a draft", async () => {
    const { event } = await createEvent();
    const draft = await createEvent({ status: "DRAFT" });
    expect(await handleLikeRequest({ userId: undefined, fields: { eventId: event.id, intent: "unlike", returnTo: "/events/x" } })).toEqual({
      kind: "sign_in",
      location: "/login?callbackUrl=%2Fevents%2Fx",
      pendingLike: null,
    });
    expect(await handleLikeRequest({ userId: null, fields: { eventId: draft.event.id, intent: "like", returnTo: "/" } })).toEqual({
      kind: "not_found",
    });
  });

  it("likes for the signed-in user and goes back to the page, or answers the button", async () => {
    const user = await createUser();
    const { event } = await createEvent();
    expect(
      await handleLikeRequest({ userId: user.id, fields: { eventId: event.id, intent: "like", returnTo: "/events?page=2#like-a" } }),
    ).toEqual({
      kind: "redirect",
      location: "/events?page=2#like-a",
    });
    expect(await db.like.count({ where: { userId: user.id, eventId: event.id } })).toBe(1);
    expect(
      await handleLikeRequest({ userId: user.id, fields: { eventId: event.id, intent: "unlike", returnTo: "/", enhanced: "1" } }),
    ).toEqual({ kind: "answer", result: { ok: true, liked: false } });
    expect(await db.like.count({ where: { userId: user.id, eventId: event.id } })).toBe(0);
  });

  it("writes nothing for a draft event and answers not found", async () => {
    const user = await createUser();
    const draft = await createEvent({ status: "DRAFT" });
    expect(await handleLikeRequest({ userId: user.id, fields: { eventId: draft.event.id, intent: "like", returnTo: "/" } })).toEqual({
      kind: "not_found",
    });
    expect(
      await handleLikeRequest({ userId: user.id, fields: { eventId: draft.event.id, intent: "like", returnTo: "/", enhanced: "1" } }),
    ).toEqual({
      kind: "answer",
      result: { ok: false, error: "not_found", liked: false },
    });
    expect(await db.like.count({ where: { userId: user.id } })).toBe(0);
  });

  it("touches only the caller's own like", async () => {
    const [anna, bo] = [await createUser("Anna"), await createUser("Bo")];
    const { event } = await createEvent();
    await handleLikeRequest({ userId: anna.id, fields: { eventId: event.id, intent: "like", returnTo: "/" } });
    await handleLikeRequest({ userId: bo.id, fields: { eventId: event.id, intent: "unlike", returnTo: "/" } });
    expect(await db.like.count({ where: { userId: anna.id, eventId: event.id } })).toBe(1);
  });

  it("answers not found for a broken post", async () => {
    expect(await handleLikeRequest({ userId: null, fields: { intent: "like" } })).toEqual({ kind: "not_found" });
  });
});
