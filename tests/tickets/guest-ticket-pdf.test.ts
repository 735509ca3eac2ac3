import { PDFDocument } from "pdf-lib";
import { databaseKind, useTestDatabase } from "../helpers/test-db";
import { createOrder, createUser, eventIn } from "./fixtures";
import { db } from "@/lib/db/client";
import { orderPath } from "@/lib/orders/order-links";
import { GET as orderPdf } from "@/app/[locale]/orders/[orderId]/pdf/route";
import { GET as ticketPdf } from "@/app/[locale]/orders/[orderId]/tickets/[code]/pdf/route";

useTestDatabase();

const keyOf = (order: { id: string; buyerEmail: string }) => new URL(orderPath(order), "http://localhost").searchParams.get("key")!;

function getOrderPdf(orderId: string, key: string | null, locale = "sv") {
  const query = key === null ? "" : `?key=${encodeURIComponent(key)}`;
  return orderPdf(new Request(`http://localhost/orders/${orderId}/pdf${query}`), { params: Promise.resolve({ locale, orderId }) });
}

function getTicketPdf(orderId: string, code: string, key: string | null, locale = "sv") {
  const query = key === null ? "" : `?key=${encodeURIComponent(key)}`;
  return ticketPdf(new Request(`http://localhost/orders/${orderId}/tickets/${code}/pdf${query}`), {
    params: Promise.resolve({ locale, orderId, code }),
  });
}

/** What notFound() throws: Next answers it with the 404 page. */
const NOT_FOUND = expect.objectContaining({ digest: "NEXT_HTTP_ERROR_FALLBACK;404" });

async function pages(response: Response): Promise<number> {
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/pdf");
  expect(response.headers.get("cache-control")).toBe("private, no-store");
  const body = Buffer.from(await response.arrayBuffer());
  expect(body.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  return (await PDFDocument.load(body)).getPageCount();
}

async function guestOrder(options: { quantity?: number; status?: "PAID" | "CANCELLED" | "REFUNDED" } = {}) {
  const user = await createUser();
  const event = await eventIn(5, "Vårkonsert");
  return createOrder({ ...event, userId: user.id, buyerEmail: user.email, quantity: options.quantity ?? 2, status: options.status });
}

describe(`the order page's PDFs, by the order's signed link (${databaseKind})`, () => {
  it("gives the whole order, a page a ticket, and each ticket alone, in the page's language", async () => {
    const order = await guestOrder({ quantity: 3 });
    const key = keyOf(order);

    const whole = await getOrderPdf(order.id, key);
    expect(whole.headers.get("content-disposition")).toContain(`biljetter-${order.number}.pdf`);
    expect(await pages(whole)).toBe(3);

    const single = await getTicketPdf(order.id, order.tickets[1].code, key, "en");
    expect(single.headers.get("content-disposition")).toContain(`tickets-${order.number}-${order.tickets[1].code}.pdf`);
    expect(await pages(single)).toBe(1);
  });

  it("answers 404 without the key, with a wrong key, and with the key of another order", async () => {
    const order = await guestOrder();
    const other = await guestOrder();
    const code = order.tickets[0].code;
    const key = keyOf(order);
    const wrongKeys = [null, "", "x", key.slice(0, -1) + (key.endsWith("A") ? "B" : "A"), keyOf(other), `${key}x`];
    for (const wrong of wrongKeys) {
      await expect(getOrderPdf(order.id, wrong)).rejects.toEqual(NOT_FOUND);
      await expect(getTicketPdf(order.id, code, wrong)).rejects.toEqual(NOT_FOUND);
    }
  });

  it("answers 404 for a ticket of another order under this order's key, and for unknown ids", async () => {
    const order = await guestOrder();
    const other = await guestOrder();
    await expect(getTicketPdf(order.id, other.tickets[0].code, keyOf(order))).rejects.toEqual(NOT_FOUND);
    await expect(getTicketPdf(order.id, "ZZZZZZZZZZZZZZZZ", keyOf(order))).rejects.toEqual(NOT_FOUND);
    await expect(getOrderPdf("not-a-uuid", keyOf(order))).rejects.toEqual(NOT_FOUND);
    await expect(getOrderPdf("00000000-0000-7000-8000-000000000000", keyOf(order))).rejects.toEqual(NOT_FOUND);
  });

  it("stops answering to the old link once the order has moved to a corrected address", async () => {
    const order = await guestOrder();
    const oldKey = keyOf(order);
    const moved = await db.order.update({ where: { id: order.id }, data: { buyerEmail: `ratt-${order.buyerEmail}` } });
    await expect(getOrderPdf(order.id, oldKey)).rejects.toEqual(NOT_FOUND);
    expect(await pages(await getOrderPdf(order.id, keyOf(moved)))).toBe(2);
  });

  it("leaves void tickets out, and has no PDF for a cancelled or refunded order", async () => {
    const order = await guestOrder({ quantity: 2 });
    await db.ticket.update({ where: { code: order.tickets[0].code }, data: { status: "VOID" } });
    expect(await pages(await getOrderPdf(order.id, keyOf(order)))).toBe(1);
    await expect(getTicketPdf(order.id, order.tickets[0].code, keyOf(order))).rejects.toEqual(NOT_FOUND);

    for (const status of ["CANCELLED", "REFUNDED"] as const) {
      const closed = await guestOrder({ status });
      await expect(getOrderPdf(closed.id, keyOf(closed))).rejects.toEqual(NOT_FOUND);
      await expect(getTicketPdf(closed.id, closed.tickets[0].code, keyOf(closed))).rejects.toEqual(NOT_FOUND);
    }
  });
});
