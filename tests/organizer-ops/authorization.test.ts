// Who may do what, for every operation of the organizer pages: an owner of another organizer
// (with their own or the victim's organizer id), a buyer of the event, STAFF, ADMIN, OWNER.
// Refusals look like a missing page and write nothing. The routes and actions themselves call
// the session guard first (checked below), then these functions, which check again.
import { databaseKind, useTestDatabase } from "../helpers/test-db";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { db } from "@/lib/db/client";
import { checkInTicket, getCheckInOverview } from "@/lib/organizers/check-in";
import { getMessageComposer, listSentMessages, previewOrganizerMessage, sendOrganizerMessage } from "@/lib/organizers/messages";
import { correctOrderEmail, getOrganizerOrder } from "@/lib/organizers/corrections/order-correction";
import { createEvent } from "../helpers/fixtures";
import { addMember, organizerWithTeam, paidOrder } from "./fixtures";

useTestDatabase();

type Actor = "outsider" | "outsiderOwnOrg" | "buyer" | "STAFF" | "ADMIN" | "OWNER";
const actors: Actor[] = ["outsider", "outsiderOwnOrg", "buyer", "STAFF", "ADMIN", "OWNER"];

async function world() {
  const team = await organizerWithTeam();
  const order = await paidOrder({ eventId: team.event.id, ticketTypeId: team.ticketTypes[0].id }, { email: `b-${randomUUID()}@gmial.com` });
  const other = await createEvent();
  const outsider = await addMember(other.organizerId, "OWNER");
  const who = (actor: Actor) => {
    switch (actor) {
      case "outsider":
        return { userId: outsider.id, organizerId: team.organizerId };
      case "outsiderOwnOrg":
        return { userId: outsider.id, organizerId: other.organizerId };
      case "buyer":
        return { userId: order.userId!, organizerId: team.organizerId };
      case "STAFF":
        return { userId: team.staff.id, organizerId: team.organizerId };
      case "ADMIN":
        return { userId: team.admin.id, organizerId: team.organizerId };
      case "OWNER":
        return { userId: team.owner.id, organizerId: team.organizerId };
    }
  };
  return { team, order, who };
}

const members: Actor[] = ["STAFF", "ADMIN", "OWNER"];
const managers: Actor[] = ["ADMIN", "OWNER"];

describe(`authorization matrix (${databaseKind})`, () => {
  it.each(actors)("reading pages as %s", async (actor) => {
    const { team, order, who } = await world();
    const { userId, organizerId } = who(actor);
    const member = members.includes(actor);
    expect(Boolean(await getMessageComposer(userId, organizerId, team.event.id))).toBe(member);
    expect(Boolean(await listSentMessages(userId, organizerId, team.event.id))).toBe(member);
    expect(Boolean(await getCheckInOverview(userId, organizerId, team.event.id))).toBe(member);
    expect(Boolean(await getOrganizerOrder(userId, organizerId, order.id))).toBe(member);
  });

  it.each(actors)("sending a message as %s", async (actor) => {
    const { team, who } = await world();
    const args = { ...who(actor), eventId: team.event.id };
    const message = { subject: "Hej", body: "Text", requestKey: randomUUID() };
    const allowed = managers.includes(actor);
    expect(Boolean(await previewOrganizerMessage({ ...args, message }, { buyerName: "x", orderNumber: "x" }))).toBe(allowed);
    expect((await sendOrganizerMessage({ ...args, message })).ok).toBe(allowed);
    expect(await db.organizerMessage.count({ where: { eventId: team.event.id } })).toBe(allowed ? 1 : 0);
  });

  it.each(actors)("checking a ticket in as %s", async (actor) => {
    const { team, order, who } = await world();
    const result = await checkInTicket({ ...who(actor), eventId: team.event.id, code: order.tickets[0].code });
    const allowed = members.includes(actor);
    expect(result.status).toBe(allowed ? "checked_in" : "not_found");
    expect((await db.ticket.findUniqueOrThrow({ where: { id: order.tickets[0].id } })).checkedInAt !== null).toBe(allowed);
  });

  it.each(actors)("correcting a buyer's email as %s", async (actor) => {
    const { order, who } = await world();
    const email = `right-${randomUUID()}@gmail.com`;
    const result = await correctOrderEmail({ ...who(actor), orderId: order.id, email, confirmation: email });
    const allowed = managers.includes(actor);
    expect(result.ok ? "ok" : result.error).toBe(allowed ? "ok" : "not_found");
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).buyerEmail).toBe(allowed ? email : order.buyerEmail);
  });
});

describe("routes and actions", () => {
  const root = path.resolve(__dirname, "../..");
  const guarded: Array<[string, RegExp]> = [
    ["app/[locale]/organizer/[organizerId]/events/[eventId]/messages/page.tsx", /requireOrganizerEvent\(organizerId, eventId/],
    ["app/[locale]/organizer/[organizerId]/events/[eventId]/check-in/page.tsx", /requireOrganizerEvent\(organizerId, eventId/],
    ["app/[locale]/organizer/[organizerId]/orders/[orderId]/page.tsx", /requireOrganizerMember\(organizerId/],
    ["app/[locale]/account/claim/page.tsx", /requireUser\("\/account\/claim"\)/],
  ];
  it.each(guarded)("%s checks who is asking before anything else", (file, guard) => {
    const source = readFileSync(path.join(root, file), "utf8");
    const body = source.slice(
      source.indexOf("export default async function") >= 0
        ? source.indexOf("export default async function")
        : source.indexOf("export async function"),
    );
    const guardAt = body.search(guard);
    expect(guardAt).toBeGreaterThan(0);
    // No domain call (lib/organizer-ops) comes before the guard.
    const firstDomainCall = body.search(
      /\b(getMessageComposer|listSentMessages|previewOrganizerMessage|sendOrganizerMessage|checkInTicket|getCheckInOverview|getOrganizerOrder|correctOrderEmail|claimOrder|findOwnOrderByNumber)\(/,
    );
    if (firstDomainCall >= 0) expect(guardAt).toBeLessThan(firstDomainCall);
  });

  // Actions are built by lib/actions.ts, which resolves the member (and the role's capability)
  // or the signed-in user before the action's own code runs.
  const actions: Array<[string, string, { kind: string; permission?: string }]> = [
    [
      "app/[locale]/organizer/[organizerId]/events/[eventId]/messages/actions.ts",
      "organizerMessageAction",
      { kind: "member", permission: "messageHolders" },
    ],
    [
      "app/[locale]/organizer/[organizerId]/events/[eventId]/check-in/actions.ts",
      "checkInAction",
      { kind: "member", permission: "checkIn" },
    ],
    [
      "app/[locale]/organizer/[organizerId]/orders/[orderId]/actions.ts",
      "correctOrderEmailAction",
      { kind: "member", permission: "correctOrders" },
    ],
    ["app/[locale]/account/claim/actions.ts", "claimOrderAction", { kind: "user" }],
  ];
  it.each(actions)("%s: %s is built by the pipeline with the right guard", async (file, name, expected) => {
    const { pipelineActionInfo } = await import("@/lib/actions");
    const exported: Record<string, unknown> = await import(path.join(root, file));
    expect(pipelineActionInfo(exported[name])).toEqual(expected.permission ? expected : { ...expected, permission: undefined });
  });
});
