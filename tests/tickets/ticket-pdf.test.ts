import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PDFDocument } from "pdf-lib";
import { databaseKind, useTestDatabase } from "../helpers/test-db";
import { createOrder, createUser, eventIn } from "./fixtures";
import { db } from "@/lib/db/client";
import { accountOrderPdf, accountTicketPdf } from "@/lib/tickets/account-ticket-pdf";
import { pdfResponseHeaders } from "@/lib/tickets/documents";

useTestDatabase();

async function pageCount(body: Buffer): Promise<number> {
  expect(body.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  return (await PDFDocument.load(body)).getPageCount();
}

describe(`accountOrderPdf and accountTicketPdf (${databaseKind})`, () => {
  it("gives the whole order as one page per ticket, and one ticket as a single page", async () => {
    const user = await createUser();
    const event = await eventIn(5, "Vårkonsert");
    const order = await createOrder({ ...event, userId: user.id, buyerEmail: user.email, quantity: 3 });

    const whole = await accountOrderPdf(user.id, order.id, "sv");
    expect(whole?.filename).toBe(`biljetter-${order.number}.pdf`);
    expect(await pageCount(whole!.body)).toBe(3);

    const single = await accountTicketPdf(user.id, order.tickets[0].code, "en");
    expect(single?.filename).toBe(`tickets-${order.number}-${order.tickets[0].code}.pdf`);
    expect(await pageCount(single!.body)).toBe(1);
    expect(single!.body.length).toBeLessThan(whole!.body.length);
  });

  it("prints the organizer, the street address and the holder the account knows", async () => {
    const user = await createUser();
    const event = await eventIn(5, "Höstkonsert – Janáček");
    await db.event.update({ where: { id: event.eventId }, data: { address: "Västra Ågatan 16" } });
    const { organizer } = await db.event.findUniqueOrThrow({
      where: { id: event.eventId },
      select: { organizer: { select: { name: true } } },
    });
    const order = await createOrder({ ...event, userId: user.id, buyerEmail: user.email });
    await db.order.update({ where: { id: order.id }, data: { buyerName: "Zdeněk Łukasiewicz" } });
    const file = (await accountTicketPdf(user.id, order.tickets[0].code, "sv"))!;
    const dir = mkdtempSync(path.join(tmpdir(), "account-pdf-"));
    try {
      writeFileSync(path.join(dir, "ticket.pdf"), file.body);
      const text = execFileSync("pdftotext", ["-enc", "UTF-8", path.join(dir, "ticket.pdf"), "-"], { encoding: "utf8" }).replace(
        /\s+/g,
        " ",
      );
      for (const expected of [
        organizer.name,
        "Höstkonsert – Janáček",
        "Stora salen",
        "Västra Ågatan 16, Uppsala",
        "Zdeněk Łukasiewicz",
        order.number,
        order.tickets[0].code,
      ]) {
        expect(text).toContain(expected);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("leaves void tickets out of the order's PDF and refuses a void ticket's own PDF", async () => {
    const user = await createUser();
    const event = await eventIn(5);
    const order = await createOrder({ ...event, userId: user.id, buyerEmail: user.email, quantity: 2 });
    await db.ticket.update({ where: { code: order.tickets[0].code }, data: { status: "VOID" } });
    expect(await pageCount((await accountOrderPdf(user.id, order.id, "sv"))!.body)).toBe(1);
    expect(await accountTicketPdf(user.id, order.tickets[0].code, "sv")).toBeNull();
    expect(await accountTicketPdf(user.id, order.tickets[1].code, "sv")).not.toBeNull();
  });

  it("has no PDF for a cancelled or refunded order", async () => {
    const user = await createUser();
    const event = await eventIn(5);
    for (const status of ["CANCELLED", "REFUNDED"] as const) {
      const order = await createOrder({ ...event, userId: user.id, buyerEmail: user.email, status });
      expect(await accountOrderPdf(user.id, order.id, "sv")).toBeNull();
      expect(await accountTicketPdf(user.id, order.tickets[0].code, "sv")).toBeNull();
    }
  });

  it("answers null (a 404) for another user's order and ticket, and for unknown ones", async () => {
    const user = await createUser();
    const other = await createUser();
    const event = await eventIn(5);
    const theirs = await createOrder({ ...event, userId: other.id, buyerEmail: other.email });
    expect(await accountOrderPdf(user.id, theirs.id, "sv")).toBeNull();
    expect(await accountTicketPdf(user.id, theirs.tickets[0].code, "sv")).toBeNull();
    expect(await accountOrderPdf(user.id, "00000000-0000-7000-8000-000000000000", "sv")).toBeNull();
    expect(await accountTicketPdf(user.id, "ZZZZZZZZZZZZZZZZ", "sv")).toBeNull();
    expect(await accountOrderPdf(other.id, theirs.id, "sv")).not.toBeNull();
  });
});

describe("pdfResponseHeaders", () => {
  it("sends a private, uncached PDF attachment with a safe filename", () => {
    const headers = pdfResponseHeaders({ filename: "biljetter-ABCD1234.pdf", body: Buffer.from("%PDF-1.7") });
    expect(headers).toMatchObject({
      "Content-Type": "application/pdf",
      "Cache-Control": "private, no-store",
      "Content-Length": "8",
    });
    expect(headers["Content-Disposition"]).toBe(`attachment; filename="biljetter-ABCD1234.pdf"; filename*=UTF-8''biljetter-ABCD1234.pdf`);
    const odd = pdfResponseHeaders({ filename: 'bö"r\r\n.pdf', body: Buffer.alloc(0) });
    expect(odd["Content-Disposition"]).not.toMatch(/[\r\n]/);
    expect(odd["Content-Disposition"]).toMatch(/^attachment; filename="b__r__\.pdf"/);
  });
});
