// A correction of the order's address gives its unused tickets new codes (lib/organizers/
// corrections/move-order.ts). Passes and calendar files carry the code: this checks that the
// old ones, wherever they were saved, no longer get anyone in, and that the new ones do.
import { databaseKind, useTestDatabase } from "../helpers/test-db";
import { organizerWithTeam, paidOrder } from "../organizer-ops/fixtures";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { checkInTicket } from "@/lib/organizers/check-in";
import { correctOrderEmail } from "@/lib/organizers/corrections/order-correction";
import { accountWalletTicket } from "@/lib/wallet/ticket-passes";

useTestDatabase();

describe(`check-in after the tickets got new codes (${databaseKind})`, () => {
  it("refuses the old codes, admits the new ones, and keeps the code of a ticket already let in", async () => {
    const team = await organizerWithTeam();
    const wrong = `greta.${randomUUID().slice(0, 8)}@gmial.com`;
    const order = await paidOrder({ eventId: team.event.id, ticketTypeId: team.ticketTypes[0].id }, { email: wrong, quantity: 3 });
    const door = { userId: team.staff.id, organizerId: team.organizerId, eventId: team.event.id };
    const [used, ...unused] = order.tickets.map((ticket) => ticket.code);
    // One friend is already inside when the address is corrected.
    expect(await checkInTicket({ ...door, code: used })).toMatchObject({ ok: true, status: "checked_in" });
    // The wrong address's owner could have saved a pass of an unused ticket.
    expect(await accountWalletTicket(order.userId!, unused[0], "sv")).not.toBeNull();

    const right = wrong.replace("gmial.com", "gmail.com");
    const result = await correctOrderEmail({
      userId: team.admin.id,
      organizerId: team.organizerId,
      orderId: order.id,
      email: right,
      confirmation: right,
    });
    expect(result).toMatchObject({ ok: true });

    const now = await db.ticket.findMany({ where: { orderId: order.id }, select: { code: true } });
    const codes = now.map((ticket) => ticket.code);
    expect(codes).toContain(used);
    const fresh = codes.filter((code) => code !== used);
    expect(fresh).toHaveLength(2);
    expect(fresh.filter((code) => unused.includes(code))).toEqual([]);

    for (const old of unused) {
      expect(await checkInTicket({ ...door, code: old })).toEqual({ ok: false, status: "unknown" });
      // Nobody, the previous account included, gets a pass of the old code any more.
      expect(await accountWalletTicket(order.userId!, old, "sv")).toBeNull();
    }
    expect(await checkInTicket({ ...door, code: used })).toMatchObject({ ok: false, status: "already_checked_in" });
    for (const code of fresh) expect(await checkInTicket({ ...door, code })).toMatchObject({ ok: true, status: "checked_in" });
  });
});
