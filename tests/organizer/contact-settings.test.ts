// The organizer's contact address: who may set it, what it accepts, and the Reply-To it gives.
import { databaseKind, useTestDatabase } from "../helpers/test-db";
useTestDatabase();

import { createOrganizer } from "../helpers/fixtures";
import { addMember, createUser } from "./helpers";
import { db } from "@/lib/db/client";
import { getOrganizerSettings, organizerReplyTo, parseContactSettings, saveOrganizerContact } from "@/lib/organizers/contact";

describe(`saveOrganizerContact (${databaseKind})`, () => {
  it("stores the address in its canonical form, and an empty field goes back to the organizer's own address", async () => {
    const organizer = await createOrganizer();
    const owner = await addMember(organizer.id, "OWNER");
    const saved = await saveOrganizerContact({ userId: owner.id, organizerId: organizer.id, contactEmail: "  Biljetter@Konserthuset.SE " });
    expect(saved).toEqual({ ok: true, contactEmail: "biljetter@konserthuset.se" });
    const stored = await db.organizer.findUniqueOrThrow({ where: { id: organizer.id } });
    expect(stored.contactEmail).toBe("biljetter@konserthuset.se");
    expect(organizerReplyTo(stored)).toBe("biljetter@konserthuset.se");

    expect(await saveOrganizerContact({ userId: owner.id, organizerId: organizer.id, contactEmail: "" })).toEqual({
      ok: true,
      contactEmail: null,
    });
    const cleared = await db.organizer.findUniqueOrThrow({ where: { id: organizer.id } });
    expect(cleared.contactEmail).toBeNull();
    expect(organizerReplyTo(cleared)).toBe(organizer.email);
  });

  it("refuses what is not one plain address, with a code for the field, and keeps the stored one", async () => {
    const organizer = await createOrganizer();
    const admin = await addMember(organizer.id, "ADMIN");
    await saveOrganizerContact({ userId: admin.id, organizerId: organizer.id, contactEmail: "info@arrangor.se" });
    const cases: [string, string][] = [
      ["info", "invalid"],
      ["info@arrangor", "invalid"],
      ["Arrangören <info@arrangor.se>", "not_plain"],
      ["info@arrangor.se, spion@evil.example", "not_plain"],
      ["info@arrangor.se\r\nBcc: spion@evil.example", "not_plain"],
      [`${"a".repeat(60)}@${"b".repeat(60)}.${"c".repeat(60)}.${"d".repeat(60)}.${"e".repeat(60)}.se`, "too_long"],
    ];
    for (const [typed, problem] of cases) {
      expect(await saveOrganizerContact({ userId: admin.id, organizerId: organizer.id, contactEmail: typed })).toEqual({
        ok: false,
        error: "invalid_form",
        fieldErrors: { contactEmail: problem },
      });
    }
    expect((await db.organizer.findUniqueOrThrow({ where: { id: organizer.id } })).contactEmail).toBe("info@arrangor.se");
  });

  it("is only for the owners and admins of that organizer: staff and strangers get not_found and change nothing", async () => {
    const organizer = await createOrganizer();
    const other = await createOrganizer();
    const staff = await addMember(organizer.id, "STAFF");
    const otherOwner = await addMember(other.id, "OWNER");
    const stranger = await createUser();
    for (const userId of [staff.id, otherOwner.id, stranger.id]) {
      expect(await saveOrganizerContact({ userId, organizerId: organizer.id, contactEmail: "kapad@evil.example" })).toEqual({
        ok: false,
        error: "not_found",
      });
      expect(await getOrganizerSettings(userId, organizer.id)).toBeNull();
    }
    expect(await saveOrganizerContact({ userId: otherOwner.id, organizerId: "not-a-uuid", contactEmail: "a@b.se" })).toEqual({
      ok: false,
      error: "not_found",
    });
    expect((await db.organizer.findUniqueOrThrow({ where: { id: organizer.id } })).contactEmail).toBeNull();
  });
});

describe("parseContactSettings", () => {
  it("reads an empty field as no contact address of its own", () => {
    expect(parseContactSettings({ contactEmail: "   " })).toEqual({ ok: true, data: { contactEmail: null } });
  });
});
