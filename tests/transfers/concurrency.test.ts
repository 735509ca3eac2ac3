import { databaseKind, describeOnPostgres, useTestDatabase } from "../helpers/test-db";
useTestDatabase();

import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import { checkInTicket } from "@/lib/organizers/check-in";
import { orderUrl } from "@/lib/orders/order-links";
import { passTicketOn } from "@/lib/transfers/pass-ticket-on";
import { organizerWithTeam, paidOrder } from "../organizer-ops/fixtures";

const unique = () => randomBytes(4).toString("hex");

async function setUp() {
  const team = await organizerWithTeam();
  const order = await paidOrder({ eventId: team.event.id, ticketTypeId: team.ticketTypes[0].id }, { quantity: 1 });
  const key = new URL(orderUrl(order)).searchParams.get("key") ?? "";
  return { ...team, order, ticket: order.tickets[0], sender: { via: "order" as const, orderId: order.id, key } };
}

describeOnPostgres(`passing one ticket on twice at once (${databaseKind})`, () => {
  it("lets exactly one of two concurrent transfers of the same ticket win", async () => {
    for (let round = 0; round < 5; round++) {
      const { ticket, sender } = await setUp();
      const recipients = [0, 1].map((n) => ({ name: `Mottagare ${n}`, email: `mottagare-${n}-${unique()}@example.se` }));
      const results = await Promise.all(
        recipients.map((recipient) => passTicketOn({ sender, code: ticket.code, recipient, locale: "sv" })),
      );
      const winners = results.filter((result) => result.ok);
      expect(winners).toHaveLength(1);
      expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, error: "changed" }]);

      const after = await db.ticket.findUniqueOrThrow({ where: { id: ticket.id }, include: { transfers: true } });
      expect(after.transfers).toHaveLength(1);
      expect(after.holderEmail).toBe(winners[0].ok ? winners[0].toEmail : null);
      expect(after.transfers[0].oldCode).toBe(ticket.code);
      // One ticket, one email with it: the loser's recipient got nothing.
      const sent = await db.outboxEmail.findMany({
        where: { template: "ticket-received", to: { in: recipients.map((recipient) => recipient.email) } },
      });
      expect(sent.map((email) => email.to)).toEqual([after.holderEmail]);
    }
  });

  it("never admits the old code once a transfer racing a check-in has won", async () => {
    for (let round = 0; round < 5; round++) {
      const team = await setUp();
      const [transfer, door] = await Promise.all([
        passTicketOn({
          sender: team.sender,
          code: team.ticket.code,
          recipient: { name: "Tove", email: `tove-${unique()}@example.se` },
          locale: "sv",
        }),
        checkInTicket({ userId: team.staff.id, organizerId: team.organizerId, eventId: team.event.id, code: team.ticket.code }),
      ]);
      // Exactly one of them: the ticket passed on with a new code, or let in on the old one.
      expect([transfer.ok, door.ok].filter(Boolean)).toHaveLength(1);
      const after = await db.ticket.findUniqueOrThrow({ where: { id: team.ticket.id } });
      if (transfer.ok) expect(after).toMatchObject({ checkedInAt: null });
      else expect(after).toMatchObject({ code: team.ticket.code, holderEmail: null });
    }
  });
});
