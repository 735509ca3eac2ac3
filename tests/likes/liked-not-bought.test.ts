import { databaseKind, useTestDatabase } from "../helpers/test-db";
useTestDatabase();

import { randomBytes } from "node:crypto";
import { createEvent } from "../helpers/fixtures";
import { createUser, orderTickets } from "./helpers";
import { db } from "@/lib/db/client";
import { listLikedNotBought } from "@/lib/likes/queries";
import { setLike } from "@/lib/likes/set-like";
import { TEST_CARDS } from "@/lib/payments/test-provider";

const titles = async (userId: string, now?: Date) => (await listLikedNotBought(userId, now)).map((event) => event.title);

describe(`listLikedNotBought (${databaseKind})`, () => {
  it("lists the liked upcoming events, soonest first, with what a row shows", async () => {
    const user = await createUser();
    const later = await createEvent({ title: "Senare", startsInDays: 40 });
    const soon = await createEvent({ title: "Snart", startsInDays: 3 });
    const middle = await createEvent({ title: "Mitt emellan", startsInDays: 10, city: "Umeå" });
    await createEvent({ title: "Inte gillad", startsInDays: 1 });
    for (const { event } of [later, soon, middle]) await setLike({ userId: user.id, eventId: event.id, liked: true });

    expect(await titles(user.id)).toEqual(["Snart", "Mitt emellan", "Senare"]);
    const [first] = await listLikedNotBought(user.id);
    expect(first).toEqual({
      id: soon.event.id,
      slug: soon.event.slug,
      title: "Snart",
      venue: "Stora salen",
      city: "Uppsala",
      startsAt: soon.event.startsAt,
      endsAt: soon.event.endsAt,
      timeZone: "Europe/Stockholm",
      imageUrl: null,
      organizerName: expect.stringMatching(/^Arrangör /),
    });
  });

  it("drops an event once the user has a paid order for it on their account", async () => {
    const user = await createUser();
    const bought = await createEvent({ title: "Köpt" });
    const kept = await createEvent({ title: "Kvar" });
    for (const { event } of [bought, kept]) await setLike({ userId: user.id, eventId: event.id, liked: true });

    // Bought with another address but tied to this account.
    const orderId = await orderTickets({
      eventId: bought.event.id,
      ticketTypeId: bought.ticketTypes[0].id,
      email: "annan.adress@example.se",
    });
    await db.order.update({ where: { id: orderId }, data: { userId: user.id } });
    expect(await titles(user.id)).toEqual(["Kvar"]);
  });

  it("drops an event bought with the user's address, even on no account", async () => {
    const user = await createUser();
    const { event, ticketTypes } = await createEvent({ title: "Köpt som gäst" });
    await setLike({ userId: user.id, eventId: event.id, liked: true });
    const orderId = await orderTickets({ eventId: event.id, ticketTypeId: ticketTypes[0].id, email: user.email });
    await db.order.update({ where: { id: orderId }, data: { userId: null } });
    expect(await titles(user.id)).toEqual([]);
  });

  it("drops an event bought with the user's address typed in another case, even on no account", async () => {
    const user = await createUser();
    const { event, ticketTypes } = await createEvent({ title: "Köpt med versaler" });
    await setLike({ userId: user.id, eventId: event.id, liked: true });
    const typed = ` ${user.email.toUpperCase()}`;
    const orderId = await orderTickets({ eventId: event.id, ticketTypeId: ticketTypes[0].id, email: typed });
    await db.order.update({ where: { id: orderId }, data: { userId: null } });
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).buyerEmail).not.toBe(user.email);
    expect(await titles(user.id)).toEqual([]);
  });

  it("keeps an event another account bought with the user's address, in any spelling: that address changed hands", async () => {
    const tag = randomBytes(4).toString("hex");
    const oldAddress = `anna-${tag}@example.se`;
    const exact = await createEvent({ title: "Annas, samma stavning", startsInDays: 5 });
    const cased = await createEvent({ title: "Annas, versaler", startsInDays: 6 });
    // Anna buys twice with her address (checkout ties both orders to her account), then moves
    // her account to another address, and whoever has the old mailbox now signs up with it.
    const annasOrders = [
      await orderTickets({ eventId: exact.event.id, ticketTypeId: exact.ticketTypes[0].id, email: oldAddress }),
      await orderTickets({ eventId: cased.event.id, ticketTypeId: cased.ticketTypes[0].id, email: ` ${oldAddress.toUpperCase()}` }),
    ];
    const anna = await db.user.findUniqueOrThrow({ where: { email: oldAddress } });
    expect(await db.order.count({ where: { id: { in: annasOrders }, userId: anna.id, status: "PAID" } })).toBe(2);
    await db.user.update({ where: { id: anna.id }, data: { email: `anna-${tag}@gmail.com` } });
    const newcomer = await db.user.create({ data: { email: oldAddress, name: "Ny ägare" } });

    for (const { event } of [exact, cased]) {
      await setLike({ userId: newcomer.id, eventId: event.id, liked: true });
      await setLike({ userId: anna.id, eventId: event.id, liked: true });
    }
    expect(await titles(newcomer.id)).toEqual(["Annas, samma stavning", "Annas, versaler"]);
    // Anna bought them: not in her list.
    expect(await titles(anna.id)).toEqual([]);
  });

  it("keeps an event whose only order failed, or that someone else bought", async () => {
    const user = await createUser();
    const { event, ticketTypes } = await createEvent({ title: "Nekat kort" });
    await setLike({ userId: user.id, eventId: event.id, liked: true });
    await expect(
      orderTickets({ eventId: event.id, ticketTypeId: ticketTypes[0].id, email: user.email }, TEST_CARDS.declined),
    ).rejects.toThrow("payment_declined");
    await orderTickets({ eventId: event.id, ticketTypeId: ticketTypes[0].id, email: "nagon.annan@example.se" });
    expect(await db.order.count({ where: { eventId: event.id, buyerEmail: user.email, status: "FAILED" } })).toBe(1);
    expect(await titles(user.id)).toEqual(["Nekat kort"]);
  });

  it("drops an event once it is over or no longer published", async () => {
    const user = await createUser();
    const ended = await createEvent({ title: "Över", startsInDays: 5 });
    const unpublished = await createEvent({ title: "Avpublicerad", startsInDays: 6 });
    for (const { event } of [ended, unpublished]) await setLike({ userId: user.id, eventId: event.id, liked: true });
    expect(await titles(user.id)).toEqual(["Över", "Avpublicerad"]);

    await db.event.update({ where: { id: unpublished.event.id }, data: { status: "DRAFT" } });
    expect(await titles(user.id)).toEqual(["Över"]);
    // Under way still counts; once it has ended it is gone.
    expect(await titles(user.id, new Date(ended.event.startsAt.getTime() + 60_000))).toEqual(["Över"]);
    expect(await titles(user.id, ended.event.endsAt)).toEqual([]);
  });

  it("shows only the user's own likes, and nothing for an unknown user", async () => {
    const [anna, bo] = [await createUser("Anna"), await createUser("Bo")];
    const { event } = await createEvent({ title: "Annas" });
    await setLike({ userId: anna.id, eventId: event.id, liked: true });
    expect(await titles(bo.id)).toEqual([]);
    expect(await titles("0190a0a0-0000-7000-8000-000000000000")).toEqual([]);
  });
});
