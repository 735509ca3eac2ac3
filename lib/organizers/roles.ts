// What each organizer role may do: the one matrix that every organizer page, route, server
// action and domain function asks (through `can`), and that README's role table is checked
// against (tests/organizer/role-matrix.test.ts walks every cell). A new capability (refund
// policies, cancelling an event) is one new row here, and its entry points name the row.
import type { OrganizerRole } from "@/lib/db/types";

export const ORGANIZER_ROLES = ["OWNER", "ADMIN", "STAFF"] as const satisfies readonly OrganizerRole[];

const everyone = ["OWNER", "ADMIN", "STAFF"] as const;
const managers = ["OWNER", "ADMIN"] as const;

export const ORGANIZER_PERMISSIONS = {
  /** The dashboard, an event's sales and message history, one order's page. */
  viewEvents: everyone,
  /** The attendee list on screen. */
  viewAttendees: everyone,
  /** The door: checking tickets in. */
  checkIn: everyone,
  /** Creating and editing events, their ticket types and capacities. */
  editEvents: managers,
  /** Publishing an event and taking it off sale. */
  publishEvents: managers,
  /** The attendee list as a CSV file. */
  exportAttendees: managers,
  /** The marketing list (buyers who opted in), on screen and as a CSV file. */
  marketingContacts: managers,
  /** Emailing every ticket holder of an event. */
  messageHolders: managers,
  /** Moving an order to a corrected email address. */
  correctOrders: managers,
  /** Setting an event's refund policy: whether and until when buyers may cancel, and the fee. */
  setRefundPolicy: managers,
  /** Cancelling an event: every order refunded in full, every ticket holder emailed. */
  cancelEvent: managers,
} as const satisfies Record<string, readonly OrganizerRole[]>;

export type OrganizerPermission = keyof typeof ORGANIZER_PERMISSIONS;

export const ORGANIZER_PERMISSION_NAMES = Object.keys(ORGANIZER_PERMISSIONS) as OrganizerPermission[];

export function isOrganizerPermission(value: unknown): value is OrganizerPermission {
  return typeof value === "string" && Object.hasOwn(ORGANIZER_PERMISSIONS, value);
}

/** Whether a member with `role` may do what `permission` names. */
export function can(role: OrganizerRole, permission: OrganizerPermission): boolean {
  return (ORGANIZER_PERMISSIONS[permission] as readonly OrganizerRole[]).includes(role);
}
