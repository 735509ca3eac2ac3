import { useTestDatabase } from "../helpers/test-db";
useTestDatabase();

import { db } from "@/lib/db/client";
import { listConsents, withdrawConsent } from "@/lib/privacy/consents";
import { createOrganizer } from "../helpers/fixtures";
import { createBuyer, createConsent, createPaidOrder } from "./fixtures";

describe("listConsents", () => {
  it("lists the consents linked to the account and those given for its address, with where they came from", async () => {
    const user = await createBuyer();
    const other = await createBuyer();
    const { order, organizerId } = await createPaidOrder({ userId: user.id, buyerEmail: user.email, title: "Vårkonsert i Domkyrkan" });
    const linked = await createConsent({ organizerId, email: user.email, userId: user.id, orderId: order.id });
    // A guest purchase before the account existed: only the address ties it to the user.
    const byAddress = await createConsent({ organizerId: (await createOrganizer({ name: "Folkets Hus" })).id, email: user.email });
    const withdrawn = await createConsent({
      organizerId: (await createOrganizer()).id,
      email: user.email,
      withdrawnAt: new Date("2026-06-01T10:00:00Z"),
    });
    await createConsent({ organizerId, email: other.email, userId: other.id });

    const { active, withdrawn: history } = await listConsents(user.id);
    expect(active.map((consent) => consent.id).sort()).toEqual([linked.id, byAddress.id].sort());
    const fromCheckout = active.find((consent) => consent.id === linked.id)!;
    expect(fromCheckout).toMatchObject({ source: "checkout", order: { number: order.number, eventTitle: "Vårkonsert i Domkyrkan" } });
    expect(fromCheckout.givenAt).toEqual(new Date("2026-05-02T18:30:00Z"));
    expect(active.find((consent) => consent.id === byAddress.id)).toMatchObject({ organizerName: "Folkets Hus", order: null });
    expect(history.map((consent) => consent.id)).toEqual([withdrawn.id]);
  });

  it("never shows another account's consent, even one given for this account's address", async () => {
    // Anna's consent names her order; the address it was given for now belongs to someone else.
    const anna = await createBuyer();
    const { order, organizerId } = await createPaidOrder({ userId: anna.id, buyerEmail: anna.email });
    const hers = await createConsent({ organizerId, email: anna.email, userId: anna.id, orderId: order.id });
    await db.user.update({ where: { id: anna.id }, data: { email: `ny-${anna.email}` } });
    const nextHolder = await createBuyer({ email: anna.email });

    expect(await listConsents(nextHolder.id)).toEqual({ active: [], withdrawn: [] });
    expect(await withdrawConsent({ userId: nextHolder.id, consentId: hers.id })).not.toBe("withdrawn");
    expect((await db.marketingConsent.findUniqueOrThrow({ where: { id: hers.id } })).withdrawnAt).toBeNull();
  });

  it("shows nothing for an unknown user", async () => {
    expect(await listConsents("00000000-0000-7000-8000-000000000000")).toEqual({ active: [], withdrawn: [] });
  });
});

describe("withdrawConsent", () => {
  it("withdraws the user's consent at once, so it leaves the organizer's list of active consents", async () => {
    const user = await createBuyer();
    const organizer = await createOrganizer();
    const consent = await createConsent({ organizerId: organizer.id, email: user.email });
    const now = new Date("2026-07-01T12:00:00Z");

    expect(await withdrawConsent({ userId: user.id, consentId: consent.id, now })).toBe("withdrawn");
    const row = await db.marketingConsent.findUniqueOrThrow({ where: { id: consent.id } });
    expect(row.withdrawnAt).toEqual(now);
    // What an organizer's mailing list counts: consents that are not withdrawn.
    expect(await db.marketingConsent.count({ where: { organizerId: organizer.id, withdrawnAt: null } })).toBe(0);
    // A second click changes nothing, not even the time.
    expect(await withdrawConsent({ userId: user.id, consentId: consent.id })).toBe("already_withdrawn");
    expect((await db.marketingConsent.findUniqueOrThrow({ where: { id: consent.id } })).withdrawnAt).toEqual(now);
  });

  it("changes nothing when the consent is someone else's", async () => {
    const user = await createBuyer();
    const other = await createBuyer();
    const organizer = await createOrganizer();
    const theirs = await createConsent({ organizerId: organizer.id, email: other.email, userId: other.id });

    expect(await withdrawConsent({ userId: user.id, consentId: theirs.id })).toBe("not_found");
    expect((await db.marketingConsent.findUniqueOrThrow({ where: { id: theirs.id } })).withdrawnAt).toBeNull();
    expect(await withdrawConsent({ userId: user.id, consentId: "not-an-id" })).toBe("not_found");
  });
});
