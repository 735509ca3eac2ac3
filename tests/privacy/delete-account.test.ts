import { useTestDatabase } from "../helpers/test-db";
useTestDatabase();

import { db } from "@/lib/db/client";
import { hashPassword } from "@/lib/accounts/passwords";
import { enqueueEmails } from "@/lib/outbox/queue";
import { deleteAccount, deletionConfirmationMethod, requestAccountDeletion, soleOwnedOrganizers } from "@/lib/privacy/delete-account";
import { createOrganizer } from "../helpers/fixtures";
import { createBuyer, createFullAccount } from "./fixtures";

/** Emails an account has waiting when it is deleted, and one to someone else. */
async function queueEmails(email: string, newEmail: string, otherEmail: string) {
  await db.$transaction((tx) =>
    enqueueEmails(tx, [
      {
        template: "magic-link",
        to: email,
        locale: "sv",
        payload: { url: "https://biljett.example/login/confirm?token=secret1", expiresInMinutes: 15 },
      },
      {
        template: "welcome",
        to: email,
        locale: "sv",
        payload: { name: "Kim", setPasswordUrl: "https://biljett.example/login/confirm?token=secret2" },
      },
      {
        template: "email-change",
        to: newEmail,
        locale: "sv",
        payload: { name: "Kim", newEmail, confirmUrl: "https://biljett.example/x?token=secret3", expiresInMinutes: 60 },
      },
      {
        template: "magic-link",
        to: otherEmail,
        locale: "sv",
        payload: { url: "https://biljett.example/login/confirm?token=other", expiresInMinutes: 15 },
      },
    ]),
  );
  // The tickets must still arrive: an order confirmation is not an account email.
  await db.outboxEmail.create({ data: { template: "order-confirmation", to: email, payload: {} } });
}

/** Everything a deletion could touch, to compare before and after a refusal. */
async function snapshot(userId: string, email: string) {
  return {
    user: await db.user.count({ where: { id: userId } }),
    sessions: await db.session.count({ where: { userId } }),
    likes: await db.like.count({ where: { userId } }),
    uploads: await db.upload.count({ where: { ownerId: userId } }),
    tokens: await db.personalAccessToken.count({ where: { userId } }),
    changes: await db.emailChangeRequest.count({ where: { userId } }),
    memberships: await db.organizerMember.count({ where: { userId } }),
    orders: await db.order.count({ where: { userId } }),
    activeConsents: await db.marketingConsent.count({ where: { email, withdrawnAt: null } }),
    links: await db.verificationToken.count({ where: { identifier: email } }),
    pendingEmails: await db.outboxEmail.count({ where: { to: email, status: "PENDING" } }),
  };
}

describe("deleteAccount", () => {
  it("removes the account and what hangs on it, keeps the orders for the organizer and withdraws the consents", async () => {
    const account = await createFullAccount();
    const bystander = await createBuyer();
    await queueEmails(account.user.email, account.newEmail, bystander.email);
    const now = new Date("2026-08-01T09:00:00Z");

    expect(await deleteAccount({ userId: account.user.id, now })).toEqual({ ok: true, email: account.user.email });

    expect(await db.user.count({ where: { id: account.user.id } })).toBe(0);
    const order = await db.order.findUniqueOrThrow({ where: { id: account.order.id }, include: { tickets: true } });
    expect(order).toMatchObject({ userId: null, buyerName: "Kim Kund", buyerEmail: account.user.email, status: "PAID" });
    expect(order.tickets.map((ticket) => ticket.status)).toEqual(["VALID", "VALID"]);
    const consent = await db.marketingConsent.findUniqueOrThrow({ where: { id: account.consent.id } });
    expect(consent).toMatchObject({ withdrawnAt: now, userId: null, email: account.user.email });

    expect(await db.session.count({ where: { sessionToken: account.secrets.sessionToken } })).toBe(0);
    expect(await db.like.count({ where: { eventId: account.event.id } })).toBe(0);
    expect(await db.upload.count({ where: { id: account.avatar.id } })).toBe(0);
    expect(await db.personalAccessToken.count({ where: { tokenHash: account.secrets.tokenHash } })).toBe(0);
    expect(await db.emailChangeRequest.count({ where: { tokenHash: account.secrets.changeHash } })).toBe(0);
    expect(await db.verificationToken.count({ where: { identifier: account.user.email } })).toBe(0);

    const emails = await db.outboxEmail.findMany({ where: { to: { in: [account.user.email, account.newEmail, bystander.email] } } });
    const byTemplateAndTo = (template: string, to: string) => emails.find((email) => email.template === template && email.to === to)!;
    for (const cancelled of [
      byTemplateAndTo("magic-link", account.user.email),
      byTemplateAndTo("welcome", account.user.email),
      byTemplateAndTo("email-change", account.newEmail),
    ]) {
      expect(cancelled).toMatchObject({ status: "FAILED", lastError: "cancelled: account deleted" });
      expect(JSON.stringify(cancelled.payload)).not.toMatch(/secret/);
    }
    expect(byTemplateAndTo("order-confirmation", account.user.email).status).toBe("PENDING");
    expect(byTemplateAndTo("magic-link", bystander.email).status).toBe("PENDING");
  });

  it("refuses the only owner of an organizer and changes nothing", async () => {
    const account = await createFullAccount();
    const organizer = await createOrganizer({ name: "Jazzklubben Fasching" });
    await db.organizerMember.create({ data: { organizerId: organizer.id, userId: account.user.id, role: "OWNER" } });
    await queueEmails(account.user.email, account.newEmail, (await createBuyer()).email);
    const before = await snapshot(account.user.id, account.user.email);

    expect(await soleOwnedOrganizers(account.user.id)).toEqual(["Jazzklubben Fasching"]);
    expect(await deleteAccount({ userId: account.user.id })).toEqual({
      ok: false,
      error: "sole_owner",
      organizers: ["Jazzklubben Fasching"],
    });
    expect(await snapshot(account.user.id, account.user.email)).toEqual(before);
    expect(before).toMatchObject({ user: 1, sessions: 1, orders: 1, activeConsents: 1, pendingEmails: 3 });
  });

  it("lets one of two owners go, and an admin or staff member too", async () => {
    const owner = await createBuyer();
    const coOwner = await createBuyer();
    const staff = await createBuyer();
    const organizer = await createOrganizer();
    await db.organizerMember.createMany({
      data: [
        { organizerId: organizer.id, userId: owner.id, role: "OWNER" },
        { organizerId: organizer.id, userId: coOwner.id, role: "OWNER" },
        { organizerId: organizer.id, userId: staff.id, role: "STAFF" },
      ],
    });
    expect(await deleteAccount({ userId: staff.id })).toMatchObject({ ok: true });
    expect(await deleteAccount({ userId: coOwner.id })).toMatchObject({ ok: true });
    // Now the last owner is the only one.
    expect(await deleteAccount({ userId: owner.id })).toMatchObject({ ok: false, error: "sole_owner" });
    expect(await db.organizerMember.findMany({ where: { organizerId: organizer.id }, select: { userId: true } })).toEqual([
      { userId: owner.id },
    ]);
  });

  it("is one transaction: when its last step fails, nothing before it stays done", async () => {
    const account = await createFullAccount();
    await queueEmails(account.user.email, account.newEmail, (await createBuyer()).email);
    const before = await snapshot(account.user.id, account.user.email);
    // A real failure in the database itself, for this user only: deleting the row is refused.
    await db.$executeRawUnsafe(
      `CREATE FUNCTION privacy_test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by test'; END $$`,
    );
    await db.$executeRawUnsafe(
      `CREATE TRIGGER privacy_test_refuse BEFORE DELETE ON "User" FOR EACH ROW WHEN (OLD."id" = '${account.user.id}'::uuid) EXECUTE FUNCTION privacy_test_refuse()`,
    );
    try {
      await expect(deleteAccount({ userId: account.user.id })).rejects.toThrow(/refused by test/);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER privacy_test_refuse ON "User"`);
      await db.$executeRawUnsafe(`DROP FUNCTION privacy_test_refuse()`);
    }
    expect(await snapshot(account.user.id, account.user.email)).toEqual(before);
    expect(await db.order.findUniqueOrThrow({ where: { id: account.order.id }, select: { userId: true } })).toEqual({
      userId: account.user.id,
    });
  });

  it("keeps a picture the user uploaded for an organizer's event", async () => {
    const user = await createBuyer();
    const { event } = await (await import("../helpers/fixtures")).createEvent();
    const picture = await db.upload.create({
      data: { ownerId: user.id, contentType: "image/webp", byteSize: 4, width: 1, height: 1, data: Buffer.from("RIFF") },
    });
    await db.event.update({ where: { id: event.id }, data: { imageId: picture.id } });
    expect(await deleteAccount({ userId: user.id })).toMatchObject({ ok: true });
    expect(await db.upload.findUniqueOrThrow({ where: { id: picture.id }, select: { ownerId: true } })).toEqual({ ownerId: null });
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).imageId).toBe(picture.id);
  });
});

describe("requestAccountDeletion", () => {
  it("asks an account without a password for its address, in any spelling", async () => {
    const user = await createBuyer();
    expect(await deletionConfirmationMethod(user.id)).toBe("email");
    expect(await requestAccountDeletion({ userId: user.id, confirmation: "someone@example.se" })).toEqual({
      ok: false,
      error: "mismatch",
      method: "email",
    });
    expect(await db.user.count({ where: { id: user.id } })).toBe(1);
    expect(await requestAccountDeletion({ userId: user.id, confirmation: `  ${user.email.toUpperCase()} ` })).toMatchObject({ ok: true });
    expect(await db.user.count({ where: { id: user.id } })).toBe(0);
  });

  it("asks an account with a password for that password, not the address", async () => {
    const user = await createBuyer({ passwordHash: await hashPassword("tre gröna hästar") });
    expect(await deletionConfirmationMethod(user.id)).toBe("password");
    expect(await requestAccountDeletion({ userId: user.id, confirmation: user.email })).toEqual({
      ok: false,
      error: "mismatch",
      method: "password",
    });
    expect(await db.user.count({ where: { id: user.id } })).toBe(1);
    expect(await requestAccountDeletion({ userId: user.id, confirmation: "tre gröna hästar" })).toMatchObject({ ok: true });
    expect(await db.user.count({ where: { id: user.id } })).toBe(0);
  });

  it("says so for an account that is already gone", async () => {
    const user = await createBuyer();
    await deleteAccount({ userId: user.id });
    expect(await requestAccountDeletion({ userId: user.id, confirmation: user.email })).toEqual({ ok: false, error: "no_such_user" });
  });
});
