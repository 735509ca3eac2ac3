import { databaseKind, useTestDatabase } from "../helpers/test-db";
import { createOrder, createUser, eventIn } from "../tickets/fixtures";
import { component, property, readIcs } from "./read-ics";
import { db } from "@/lib/db/client";
import { accountTicketCalendar } from "@/lib/calendar/ticket-calendars";
import { orderPath } from "@/lib/orders/order-links";
import { accountTicketPdf } from "@/lib/tickets/account-ticket-pdf";
import { GET as orderCalendar } from "@/app/[locale]/orders/[orderId]/calendar/route";
import { GET as orderPdf } from "@/app/[locale]/orders/[orderId]/pdf/route";

useTestDatabase();

const keyOf = (order: { id: string; buyerEmail: string }) => new URL(orderPath(order), "http://localhost").searchParams.get("key")!;

function getOrderCalendar(orderId: string, key: string | null, locale = "sv") {
  const query = key === null ? "" : `?key=${encodeURIComponent(key)}`;
  return orderCalendar(new Request(`http://localhost/orders/${orderId}/calendar${query}`), {
    params: Promise.resolve({ locale, orderId }),
  });
}

function getOrderPdf(orderId: string, key: string | null) {
  const query = key === null ? "" : `?key=${encodeURIComponent(key)}`;
  return orderPdf(new Request(`http://localhost/orders/${orderId}/pdf${query}`), { params: Promise.resolve({ locale: "sv", orderId }) });
}

/** What notFound() throws: Next answers it with the 404 page. */
const NOT_FOUND = expect.objectContaining({ digest: "NEXT_HTTP_ERROR_FALLBACK;404" });

async function paidOrder(options: { status?: "PAID" | "CANCELLED" | "REFUNDED"; userId?: string; email?: string } = {}) {
  const user = options.userId ? null : await createUser();
  const event = await eventIn(5, "Vårkonsert");
  await db.event.update({ where: { id: event.eventId }, data: { address: "Västra Ågatan 16", timeZone: "Europe/Stockholm" } });
  return createOrder({
    ...event,
    userId: options.userId ?? user!.id,
    buyerEmail: options.email ?? user!.email,
    status: options.status,
  });
}

describe(`the order page's calendar file, by the order's signed link (${databaseKind})`, () => {
  it("gives the event with its address, in the page's language, linking back to the order's signed page", async () => {
    const order = await paidOrder();
    const response = await getOrderCalendar(order.id, keyOf(order), "en");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("content-disposition")).toContain(`event-${order.number}.ics`);
    const event = component(readIcs(await response.text()), "VEVENT");
    expect(property(event, "SUMMARY").value).toBe("Vårkonsert");
    expect(property(event, "LOCATION").value).toBe("Stora salen, Västra Ågatan 16, Uppsala");
    expect(property(event, "DTSTART").params.TZID).toBe("Europe/Stockholm");
    expect(property(event, "URL").value).toBe(`http://localhost:3000/en${orderPath(order)}`);
    expect(property(event, "DESCRIPTION").value).toContain(`Your tickets: http://localhost:3000/en${orderPath(order)}`);
  });

  it("refuses a missing, wrong or other order's key with the same 404 as the order's PDF", async () => {
    const order = await paidOrder();
    const other = await paidOrder();
    const key = keyOf(order);
    for (const wrong of [null, "", "x", key.slice(0, -1) + (key.endsWith("A") ? "B" : "A"), keyOf(other), `${key}x`]) {
      const pdfAnswer = await getOrderPdf(order.id, wrong).catch((error: unknown) => error);
      expect(pdfAnswer).toEqual(NOT_FOUND);
      await expect(getOrderCalendar(order.id, wrong)).rejects.toEqual(pdfAnswer);
    }
    await expect(getOrderCalendar("not-a-uuid", key)).rejects.toEqual(NOT_FOUND);
    await expect(getOrderCalendar("00000000-0000-7000-8000-000000000000", key)).rejects.toEqual(NOT_FOUND);
  });

  it("stops answering to the old link once the order has moved to a corrected address", async () => {
    const order = await paidOrder();
    const oldKey = keyOf(order);
    const moved = await db.order.update({ where: { id: order.id }, data: { buyerEmail: `ratt-${order.buyerEmail}` } });
    await expect(getOrderCalendar(order.id, oldKey)).rejects.toEqual(NOT_FOUND);
    expect((await getOrderCalendar(order.id, keyOf(moved))).status).toBe(200);
  });

  it("has no calendar file for a cancelled or refunded order", async () => {
    for (const status of ["CANCELLED", "REFUNDED"] as const) {
      const closed = await paidOrder({ status });
      await expect(getOrderCalendar(closed.id, keyOf(closed))).rejects.toEqual(NOT_FOUND);
    }
  });
});

describe(`accountTicketCalendar, by the account's ownership of the ticket (${databaseKind})`, () => {
  it("gives the owner the event, linking to the ticket's page", async () => {
    const user = await createUser();
    const order = await paidOrder({ userId: user.id, email: user.email });
    const code = order.tickets[0].code;
    const file = await accountTicketCalendar(user.id, code, "sv");
    expect(file?.filename).toBe(`evenemang-${order.number}.ics`);
    const event = component(readIcs(file!.body), "VEVENT");
    expect(property(event, "URL").value).toBe(`http://localhost:3000/account/tickets/${code}`);
    expect(property(event, "LOCATION").value).toBe("Stora salen, Västra Ågatan 16, Uppsala");
    expect((await accountTicketCalendar(user.id, code, "en"))!.body).toContain(`http://localhost:3000/en/account/tickets/${code}`);
  });

  it("refuses another account exactly where the ticket PDF refuses it, and a void ticket", async () => {
    const owner = await createUser();
    const stranger = await createUser();
    const order = await paidOrder({ userId: owner.id, email: owner.email });
    const code = order.tickets[0].code;
    expect(await accountTicketPdf(stranger.id, code, "sv")).toBeNull();
    expect(await accountTicketCalendar(stranger.id, code, "sv")).toBeNull();
    expect(await accountTicketCalendar(owner.id, "NOT-A-CODE-0000", "sv")).toBeNull();

    await db.ticket.update({ where: { code }, data: { status: "VOID" } });
    expect(await accountTicketPdf(owner.id, code, "sv")).toBeNull();
    expect(await accountTicketCalendar(owner.id, code, "sv")).toBeNull();
  });
});
