import { describeOnPostgres, useTestDatabase } from "../helpers/test-db";
import { createEvent, createOrganizer } from "../helpers/fixtures";
import { db } from "@/lib/db/client";
import { holdAdmissions } from "@/lib/orders/inventory";
import { getEventForEditing } from "@/lib/organizers/queries";
import { saveEventForMember } from "@/lib/organizers/save-event";
import { addMember } from "./helpers";

useTestDatabase();

describeOnPostgres("saveEventForMember racing a checkout (PostgreSQL)", () => {
  it("never leaves a capacity below sold + held: either the hold or the smaller capacity wins", async () => {
    const organizer = await createOrganizer();
    const member = await addMember(organizer.id);
    for (let round = 0; round < 8; round++) {
      const { event, ticketTypes } = await createEvent({ organizerId: organizer.id, ticketTypes: [{ capacity: 10 }] });
      const editing = await getEventForEditing(member.id, organizer.id, event.id);
      if (!editing) throw new Error("not found");
      const values = { ...editing.values, ticketTypes: [{ ...editing.values.ticketTypes[0], capacity: "5" }] };
      const [hold, save] = await Promise.allSettled([
        db.$transaction((tx) => holdAdmissions(tx, [{ ticketTypeId: ticketTypes[0].id, quantity: 6 }])),
        saveEventForMember({ userId: member.id, organizerId: organizer.id, eventId: event.id, values }),
      ]);
      const type = await db.ticketType.findUniqueOrThrow({ where: { id: ticketTypes[0].id } });
      expect(type.sold + type.held).toBeLessThanOrEqual(type.capacity);
      const saved = save.status === "fulfilled" && save.value.ok;
      expect([hold.status === "fulfilled", saved].filter(Boolean)).toHaveLength(1);
      if (saved) expect(type).toMatchObject({ capacity: 5, held: 0 });
      else expect(type).toMatchObject({ capacity: 10, held: 6 });
    }
  });
});
