import { databaseKind, useTestDatabase } from "../helpers/test-db";
useTestDatabase();

import { createEvent } from "../helpers/fixtures";
import { createUser } from "../likes/helpers";
import { nobody, viewerSummary } from "@/lib/accounts/viewer";
import { SIGNED_IN_HINT_COOKIE, signedInHintChange } from "@/lib/auth/cookie-names";
import { db } from "@/lib/db/client";
import { setLike } from "@/lib/likes/set-like";
import { offlineOwner } from "@/lib/tickets/offline-owner";

describe(`viewerSummary (${databaseKind})`, () => {
  it("answers nobody for a visitor without a session", async () => {
    expect(await viewerSummary(null)).toEqual(nobody);
  });

  it("gives the menu, the organizer link, the worker's owner and every liked event of the caller only", async () => {
    const user = await createUser();
    const other = await createUser();
    const liked = await createEvent({ title: "Gillad", startsInDays: 5 });
    const notLiked = await createEvent({ title: "Inte gillad", startsInDays: 6 });
    await setLike({ userId: user.id, eventId: liked.event.id, liked: true });
    await setLike({ userId: other.id, eventId: notLiked.event.id, liked: true });

    const summary = await viewerSummary({ id: user.id, name: "Anna Berg", email: user.email, image: null });
    expect(summary).toEqual({
      user: { name: "Anna Berg", email: user.email, image: null, isOrganizer: false },
      offlineOwner: offlineOwner(user.id),
      likedEventIds: [liked.event.id],
    });

    await db.organizerMember.create({ data: { organizerId: liked.event.organizerId, userId: user.id, role: "STAFF" } });
    expect((await viewerSummary({ id: user.id, name: null, email: user.email, image: null })).user?.isOrganizer).toBe(true);
  });
});

describe("signedInHintChange", () => {
  const jar = (...names: string[]) => ({ getAll: () => names.map((name) => ({ name })), has: (name: string) => names.includes(name) });

  it("sets the hint beside a session cookie of either name or in parts, clears it without one, else leaves it", () => {
    expect(signedInHintChange(jar("authjs.session-token"))).toBe("set");
    expect(signedInHintChange(jar("__Secure-authjs.session-token.0", "__Secure-authjs.session-token.1"))).toBe("set");
    expect(signedInHintChange(jar("authjs.session-token", SIGNED_IN_HINT_COOKIE))).toBeNull();
    expect(signedInHintChange(jar(SIGNED_IN_HINT_COOKIE))).toBe("clear");
    expect(signedInHintChange(jar(SIGNED_IN_HINT_COOKIE, "authjs.csrf-token"))).toBe("clear");
    expect(signedInHintChange(jar())).toBeNull();
    expect(signedInHintChange(jar("authjs.session-tokenx"))).toBeNull();
  });
});
