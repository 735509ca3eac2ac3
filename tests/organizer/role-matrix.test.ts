// The organizer role matrix (lib/organizers/roles.ts), cell by cell: for every role, and for a
// member of another organizer and a buyer, every capability is tried through the domain
// function that does it (a write where the capability writes), and the outcome must be what
// the matrix says. Then README's role table is read and compared with the matrix, so the page
// people read cannot drift from the rule the code follows.
import { databaseKind, useTestDatabase } from "../helpers/test-db";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { db } from "@/lib/db/client";
import { checkInTicket, getCheckInOverview } from "@/lib/organizers/check-in";
import { getMessageComposer, sendOrganizerMessage } from "@/lib/organizers/messages";
import { correctOrderEmail, getOrganizerOrder } from "@/lib/organizers/corrections/order-correction";
import {
  getEventForEditing,
  getEventSales,
  getOrganizerDashboard,
  listAllAttendees,
  listAttendees,
  listMarketingContacts,
} from "@/lib/organizers/queries";
import { can, ORGANIZER_PERMISSION_NAMES, ORGANIZER_PERMISSIONS, ORGANIZER_ROLES, type OrganizerPermission } from "@/lib/organizers/roles";
import { saveEventForMember, setEventPublishedForMember } from "@/lib/organizers/save-event";
import { getRefundPolicyForEditing, saveRefundPolicyForMember } from "@/lib/refunds/refund-policy-settings";
import { cancelEventForMember } from "@/lib/event-cancellation/cancel-event";
import { createEvent } from "../helpers/fixtures";
import { addMember, organizerWithTeam, paidOrder } from "../organizer-ops/fixtures";
import { createUser, eventValues } from "./helpers";

useTestDatabase();

type World = Awaited<ReturnType<typeof world>>;
type Caller = { userId: string; organizerId: string };

async function world() {
  const team = await organizerWithTeam();
  const order = await paidOrder(
    { eventId: team.event.id, ticketTypeId: team.ticketTypes[0].id },
    { email: `buyer-${randomUUID()}@gmial.com` },
  );
  const elsewhere = await createEvent();
  const outsider = await addMember(elsewhere.organizerId, "OWNER");
  const stranger = await createUser("Främling");
  return { team, order, outsider, stranger };
}

/**
 * Whether `caller` may do what the capability names, asked of every domain function that does
 * it. A probe that disagrees with itself (one function allowing what another refuses) fails.
 */
const probes: Record<OrganizerPermission, (caller: Caller, w: World) => Promise<boolean[]>> = {
  viewEvents: async ({ userId, organizerId }, { team, order }) => [
    (await getOrganizerDashboard(userId, organizerId)) !== null,
    (await getEventSales(userId, organizerId, team.event.id)) !== null,
    (await getOrganizerOrder(userId, organizerId, order.id)) !== null,
    (await getMessageComposer(userId, organizerId, team.event.id)) !== null,
  ],
  viewAttendees: async ({ userId, organizerId }, { team }) => [(await listAttendees(userId, organizerId, team.event.id)) !== null],
  checkIn: async ({ userId, organizerId }, { team, order }) => {
    const overview = (await getCheckInOverview(userId, organizerId, team.event.id)) !== null;
    const result = await checkInTicket({ userId, organizerId, eventId: team.event.id, code: order.tickets[0].code });
    const written = (await db.ticket.findUniqueOrThrow({ where: { id: order.tickets[0].id } })).checkedInAt !== null;
    return [overview, result.status === "checked_in", written];
  },
  editEvents: async ({ userId, organizerId }, { team }) => {
    const editing = (await getEventForEditing(userId, organizerId, team.event.id)) !== null;
    const values = eventValues();
    const created = await saveEventForMember({ userId, organizerId, eventId: null, values });
    const written = (await db.event.count({ where: { organizerId, title: values.title } })) === 1;
    return [editing, created.ok, written];
  },
  publishEvents: async ({ userId, organizerId }, { team }) => {
    const result = await setEventPublishedForMember({ userId, organizerId, eventId: team.event.id, publish: false, confirmSold: true });
    const status = (await db.event.findUniqueOrThrow({ where: { id: team.event.id } })).status;
    return [result.ok, status === "DRAFT"];
  },
  exportAttendees: async ({ userId, organizerId }, { team }) => [(await listAllAttendees(userId, organizerId, team.event.id)) !== null],
  marketingContacts: async ({ userId, organizerId }) => [(await listMarketingContacts(userId, organizerId)) !== null],
  messageHolders: async ({ userId, organizerId }, { team }) => {
    const result = await sendOrganizerMessage({
      userId,
      organizerId,
      eventId: team.event.id,
      message: { subject: "Insläpp", body: "Dörrarna öppnar 18.", requestKey: randomUUID() },
    });
    return [result.ok, (await db.organizerMessage.count({ where: { eventId: team.event.id } })) === 1];
  },
  correctOrders: async ({ userId, organizerId }, { order }) => {
    const email = `right-${randomUUID()}@gmail.com`;
    const result = await correctOrderEmail({ userId, organizerId, orderId: order.id, email, confirmation: email });
    return [result.ok, (await db.order.findUniqueOrThrow({ where: { id: order.id } })).buyerEmail === email];
  },
  setRefundPolicy: async ({ userId, organizerId }, { team }) => {
    const reading = (await getRefundPolicyForEditing(userId, organizerId, team.event.id)) !== null;
    const values = { kind: "until", daysBefore: "3", feeKind: "PERCENT", feeValue: "5" };
    const result = await saveRefundPolicyForMember({ userId, organizerId, eventId: team.event.id, values });
    const written = (await db.eventRefundPolicy.findUnique({ where: { eventId: team.event.id } }))?.feeValue === 500;
    return [reading, result.ok, written];
  },
  cancelEvent: async ({ userId, organizerId }, { team }) => {
    const values = { message: "Artisten är sjuk.", confirmation: team.event.title };
    const result = await cancelEventForMember({ userId, organizerId, eventId: team.event.id, values });
    const status = (await db.event.findUniqueOrThrow({ where: { id: team.event.id } })).status;
    return [result.ok, status === "CANCELLED"];
  },
};

type Actor = (typeof ORGANIZER_ROLES)[number] | "outsider" | "stranger";
const actors: Actor[] = [...ORGANIZER_ROLES, "outsider", "stranger"];

function callerOf(actor: Actor, { team, outsider, stranger }: World): Caller {
  const organizerId = team.organizerId;
  if (actor === "outsider") return { userId: outsider.id, organizerId };
  if (actor === "stranger") return { userId: stranger.id, organizerId };
  return { userId: { OWNER: team.owner, ADMIN: team.admin, STAFF: team.staff }[actor].id, organizerId };
}

const cells = actors.flatMap((actor) => ORGANIZER_PERMISSION_NAMES.map((permission) => [actor, permission] as const));

describe(`organizer role matrix (${databaseKind})`, () => {
  it("gives staff the door and the attendee list, and everything else to owners and admins", () => {
    const allowed = (role: (typeof ORGANIZER_ROLES)[number]) => ORGANIZER_PERMISSION_NAMES.filter((permission) => can(role, permission));
    expect(allowed("STAFF")).toEqual(["viewEvents", "viewAttendees", "checkIn"]);
    expect(allowed("ADMIN")).toEqual(ORGANIZER_PERMISSION_NAMES);
    expect(allowed("OWNER")).toEqual(ORGANIZER_PERMISSION_NAMES);
  });

  it.each(cells)("%s / %s does what the matrix says", async (actor, permission) => {
    const w = await world();
    const expected = actor === "outsider" || actor === "stranger" ? false : can(actor, permission);
    const outcome = await probes[permission](callerOf(actor, w), w);
    expect(outcome.length).toBeGreaterThan(0);
    expect(outcome).toEqual(outcome.map(() => expected));
  });
});

describe("README's role table", () => {
  const readme = readFileSync(path.resolve(__dirname, "../../README.md"), "utf8");
  const rows = [...readme.matchAll(/^\| `(\w+)`: [^|]+\| (yes|no) \| (yes|no) \| (yes|no) \|$/gm)];

  it("has one row per capability, in the matrix's order", () => {
    expect(readme).toMatch(/^\| capability \| owner \| admin \| staff \|$/m);
    expect(rows.map((row) => row[1])).toEqual(ORGANIZER_PERMISSION_NAMES);
  });

  it.each(rows.map((row) => [row[1], row.slice(2, 5)] as const))("row %s says what the matrix does", (permission, cells) => {
    const roles = ORGANIZER_ROLES.filter((_, index) => cells[index] === "yes");
    expect([...ORGANIZER_PERMISSIONS[permission as OrganizerPermission]].sort()).toEqual([...roles].sort());
  });
});
