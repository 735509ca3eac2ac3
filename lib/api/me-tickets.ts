// GET /api/v1/me/tickets and GET /api/v1/me/tickets/<code>, without the request plumbing: the
// route files hand in the Authorization header and a way to read the session, and get back a
// Response. The data comes from lib/tickets/account-tickets.ts, the same query as the pages.
//
// Response shapes (times ISO 8601 in UTC; money in minor units, öre for SEK):
//
//   GET /api/v1/me/tickets → 200
//   { "orders": [ {
//       "id": uuid, "number": string, "status": "PAID" | "CANCELLED" | "REFUNDED",
//       "buyerName": string, "totalMinor": integer, "currency": "SEK",
//       "paidAt": string | null, "createdAt": string,
//       "event": { "slug", "title", "venue", "city", "startsAt", "endsAt",
//                  "timeZone" (IANA; show times in it), "organizerName" },
//       "tickets": [ { "code", "typeName", "holderName" (whose name it is in: the name it was passed on
//                      to, else the order's), "status": "VALID" | "VOID", "checkedInAt": string | null,
//                      "usable": boolean (may be shown at the door: paid order, valid ticket),
//                      "path": "/account/tickets/<code>" } ],
//       "passedOn": [ { "typeName", "toName", "passedOnAt" } ] (tickets of the order the account
//                      passed on: no codes, they are their new holders') } ]
//   An order is listed when the account holds it or one of its tickets (one passed on to it),
//   or passed one on; "tickets" are only those it holds now. }
//   Orders are sorted soonest event first.
//
//   GET /api/v1/me/tickets/<code> → 200
//   { "ticket": { "code", "typeName", "status", "checkedInAt", "usable", "path",
//                 "order": { "id", "number", "status", "buyerName" },
//                 "event": { …as above } } }
//   The QR code at the door encodes `code` exactly.
//
//   401 (no or bad credentials) → { "error": { "code": "unauthorized", "message": … } }
//        with WWW-Authenticate: Bearer
//   404 (unknown code, or someone else's) → { "error": { "code": "not_found", "message": … } }
//   Every answer: Cache-Control: private, no-store.
import { findAccountTicket, isUsableTicket, listAccountOrders, type AccountOrder, type AccountTicket } from "../tickets/account-tickets";
import { authenticateApiRequest } from "./authenticate-request";
import { apiJson, notFound, unauthorized } from "./json-response";

export type ApiRequestCredentials = {
  /** The request's Authorization header, or null. */
  authorization: string | null;
  /** Reads the session cookie's user; called only when no Authorization header was sent. */
  sessionUserId: () => Promise<string | null | undefined>;
  now?: Date;
};

function apiTicket(ticket: AccountTicket, order: Pick<AccountOrder, "status">) {
  return {
    code: ticket.code,
    typeName: ticket.typeName,
    holderName: ticket.holderName,
    status: ticket.status,
    checkedInAt: ticket.checkedInAt,
    usable: isUsableTicket(ticket, order),
    path: `/account/tickets/${encodeURIComponent(ticket.code)}`,
  };
}

export async function myTicketsResponse(credentials: ApiRequestCredentials): Promise<Response> {
  const caller = await authenticateApiRequest(credentials);
  if (!caller) return unauthorized();
  const orders = await listAccountOrders(caller.userId);
  return apiJson({
    orders: orders.map((order) => ({
      id: order.id,
      number: order.number,
      status: order.status,
      buyerName: order.buyerName,
      totalMinor: order.totalMinor,
      currency: order.currency,
      paidAt: order.paidAt,
      createdAt: order.createdAt,
      event: order.event,
      tickets: order.tickets.map((ticket) => apiTicket(ticket, order)),
      passedOn: order.passedOn,
    })),
  });
}

export async function myTicketResponse(code: string, credentials: ApiRequestCredentials): Promise<Response> {
  const caller = await authenticateApiRequest(credentials);
  if (!caller) return unauthorized();
  const ticket = await findAccountTicket(caller.userId, code);
  if (!ticket) return notFound();
  return apiJson({ ticket: { ...apiTicket(ticket, ticket.order), order: ticket.order, event: ticket.event } });
}
