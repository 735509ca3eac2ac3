import { databaseKind, useTestDatabase } from "../helpers/test-db";
useTestDatabase();

import { db } from "@/lib/db/client";
import { getTransferSettings, saveTransferSettings } from "@/lib/transfers/settings";
import { createEvent } from "../helpers/fixtures";
import { organizerWithTeam } from "../organizer-ops/fixtures";

describe(`saveTransferSettings (${databaseKind})`, () => {
  it("starts allowed until 2 hours before the start, and lets an owner or admin change it", async () => {
    const team = await organizerWithTeam();
    const scope = { organizerId: team.organizerId, eventId: team.event.id };
    expect(await getTransferSettings(team.owner.id, scope.organizerId, scope.eventId)).toEqual({ allowed: true, cutoffHours: 2 });

    expect(await saveTransferSettings({ userId: team.admin.id, ...scope, allowed: false, cutoffHours: " 24 " })).toEqual({
      ok: true,
      allowed: false,
      cutoffHours: 24,
    });
    expect(await db.event.findUniqueOrThrow({ where: { id: team.event.id } })).toMatchObject({
      transfersAllowed: false,
      transferCutoffMinutes: 24 * 60,
    });
  });

  it("refuses a cut-off that is not a whole number of hours up to a week", async () => {
    const team = await organizerWithTeam();
    const scope = { organizerId: team.organizerId, eventId: team.event.id };
    for (const cutoffHours of ["", "-1", "1.5", "169", "två"]) {
      expect(await saveTransferSettings({ userId: team.owner.id, ...scope, allowed: true, cutoffHours })).toEqual({
        ok: false,
        error: "invalid_form",
        fieldErrors: { cutoffHours: "cutoff_invalid" },
      });
    }
    expect(await saveTransferSettings({ userId: team.owner.id, ...scope, allowed: true, cutoffHours: "168" })).toMatchObject({ ok: true });
  });

  it("is not the door staff's, nor another organizer's to change", async () => {
    const team = await organizerWithTeam();
    const other = await createEvent();
    expect(
      await saveTransferSettings({
        userId: team.staff.id,
        organizerId: team.organizerId,
        eventId: team.event.id,
        allowed: false,
        cutoffHours: "2",
      }),
    ).toEqual({ ok: false, error: "not_found" });
    expect(await getTransferSettings(team.staff.id, team.organizerId, team.event.id)).toBeNull();
    expect(
      await saveTransferSettings({
        userId: team.owner.id,
        organizerId: team.organizerId,
        eventId: other.event.id,
        allowed: false,
        cutoffHours: "2",
      }),
    ).toEqual({ ok: false, error: "not_found" });
    expect(await db.event.findUniqueOrThrow({ where: { id: team.event.id } })).toMatchObject({ transfersAllowed: true });
  });
});
