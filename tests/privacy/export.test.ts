import { useTestDatabase } from "../helpers/test-db";
useTestDatabase();

import { db } from "@/lib/db/client";
import { buildDataExport, dataExportFileName } from "@/lib/privacy/export";
import { createBuyer, createFullAccount, createPaidOrder, unique } from "./fixtures";

describe("buildDataExport", () => {
  it("contains the profile, avatar, orders with tickets, likes, consents, tokens, sessions and email changes", async () => {
    const account = await createFullAccount();
    const now = new Date();
    const data = (await buildDataExport(account.user.id, now))!;

    expect(data.profile).toMatchObject({
      email: account.user.email,
      name: "Kim Kund",
      locale: "sv",
      handle: account.user.handle,
      bio: "Gillar jazz.",
      profilePublic: false,
      createdAt: account.user.createdAt.toISOString(),
    });
    expect(data.avatar).toMatchObject({ url: `/media/${account.avatar.id}`, contentType: "image/webp", byteSize: 4 });
    expect(data.orders).toHaveLength(1);
    expect(data.orders[0]).toMatchObject({
      number: account.order.number,
      status: "PAID",
      buyerEmail: account.user.email,
      event: { title: account.event.title },
      items: [{ ticketType: "Ståplats", quantity: 2, unitPriceMinor: 25_000 }],
    });
    expect(data.orders[0].tickets.map((ticket) => ticket.code).sort()).toEqual(account.order.tickets.map((ticket) => ticket.code).sort());
    expect(data.orders[0].tickets[0]).toMatchObject({ status: "VALID", checkedIn: false });
    expect(data.likes).toEqual([expect.objectContaining({ event: expect.objectContaining({ title: account.event.title }) })]);
    expect(data.marketingConsents).toEqual([
      expect.objectContaining({ email: account.user.email, source: "checkout", orderNumber: account.order.number, withdrawnAt: null }),
    ]);
    expect(data.personalAccessTokens).toEqual([
      expect.objectContaining({ name: "Telefonen", prefix: "bjt_ab12", lastUsedAt: null, revokedAt: null }),
    ]);
    expect(data.sessions.active).toBe(1);
    expect(data.sessions.expires).toHaveLength(1);
    expect(data.emailChangeRequests).toEqual([expect.objectContaining({ newEmail: account.newEmail, usedAt: null })]);
  });

  it("names the device of each live session, and leaves out sessions past their 90 days", async () => {
    const account = await createFullAccount();
    const userAgent = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";
    const expires = new Date(Date.now() + 86_400_000);
    await db.session.createMany({
      data: [
        { userId: account.user.id, sessionToken: `ua-${unique()}`, expires, userAgent },
        { userId: account.user.id, sessionToken: `old-${unique()}`, expires, createdAt: new Date(Date.now() - 91 * 86_400_000) },
      ],
    });
    const data = (await buildDataExport(account.user.id))!;
    expect(data.sessions.active).toBe(2);
    expect(data.sessions.devices.sort()).toEqual([null, userAgent].sort());
  });

  it("never contains the password hash, session tokens or token hashes", async () => {
    const account = await createFullAccount();
    const text = JSON.stringify(await buildDataExport(account.user.id));
    for (const secret of Object.values(account.secrets)) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/passwordHash|tokenHash|sessionToken|argon2/);
    // The avatar's bytes stay out too; the file points at the picture instead.
    const stored = await db.upload.findUniqueOrThrow({ where: { id: account.avatar.id }, select: { data: true } });
    expect(text).not.toContain(Buffer.from(stored.data).toString("base64"));
  });

  it("includes an order bought with the account's address before it was linked", async () => {
    const account = await createFullAccount();
    const guestOrder = await db.order.update({
      where: { id: account.order.id },
      data: { userId: null, buyerEmail: account.user.email.toUpperCase() },
    });
    const data = (await buildDataExport(account.user.id))!;
    expect(data.orders.map((order) => order.number)).toEqual([guestOrder.number]);
  });

  it("leaves out another account's orders bought with an address that has since changed hands", async () => {
    const anna = await createFullAccount();
    const oldAddress = anna.user.email;
    await db.user.update({ where: { id: anna.user.id }, data: { email: `flyttat-${unique()}@example.se` } });
    const newcomer = await createBuyer({ email: oldAddress });
    const { order: unlinked } = await createPaidOrder({ userId: null, buyerEmail: oldAddress.toUpperCase() });

    const data = (await buildDataExport(newcomer.id))!;
    expect(data.orders.map((order) => order.number)).toEqual([unlinked.number]);
    expect(JSON.stringify(data)).not.toContain(anna.order.tickets[0].code);
    expect((await buildDataExport(anna.user.id))!.orders.map((order) => order.number)).toEqual([anna.order.number]);
  });

  it("is nothing for an unknown user, and names the file after the day", async () => {
    expect(await buildDataExport("00000000-0000-7000-8000-000000000000")).toBeNull();
    expect(dataExportFileName(new Date("2026-11-25T23:30:00Z"))).toBe("biljett-data-2026-11-25.json");
  });
});
