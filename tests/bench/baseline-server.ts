// The yardstick for `npm run bench`: a bare Node HTTP server that answers the same three
// requests from the same database with `pg`: the same SQL for the reads, and the app's own
// checkout functions for the purchase: no framework, no React, no
// ORM, no sessions, no emails. What the real app costs on top of this is the price of all that.
//   GET  /events                  one page of upcoming events (count, 12 cards, cities)
//   GET  /events/<slug>           one event with its organizer and ticket types
//   POST /events/<slug>/checkout  a paid order through the app's own SQL steps (checkout_reserve,
//                                 then checkout_complete), so the database does the same work
// Run: DATABASE_URL=… PORT=… tsx tests/bench/baseline-server.ts
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import pg from "pg";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const port = Number(process.env.PORT ?? 4200);

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body>${body}</body></html>`;
}

function send(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { "content-type": "text/html; charset=utf-8", "content-length": Buffer.byteLength(html) });
  res.end(html);
}

const price = (minor: number, currency: string) => `${(minor / 100).toFixed(2)} ${currency}`;

async function eventList(res: ServerResponse): Promise<void> {
  // The same reads as lib/events/queries.ts listEvents + listEventCities, in three statements.
  const upcoming = `e."status" = 'PUBLISHED' AND e."endsAt" > now()`;
  const [count, cards, cities] = await Promise.all([
    pool.query<{ n: string }>(`SELECT count(*) AS n FROM "Event" e WHERE ${upcoming}`),
    pool.query(
      `SELECT e."slug", e."title", e."venue", e."city", e."startsAt", o."name" AS organizer,
              (SELECT min(t."priceMinor") FROM "TicketType" t WHERE t."eventId" = e."id" AND t."sold" + t."held" < t."capacity") AS "lowest",
              (SELECT min(t."currency") FROM "TicketType" t WHERE t."eventId" = e."id") AS "currency"
         FROM "Event" e JOIN "Organizer" o ON o."id" = e."organizerId"
        WHERE ${upcoming}
        ORDER BY e."startsAt", e."id" LIMIT 12`,
    ),
    pool.query<{ city: string }>(`SELECT DISTINCT e."city" FROM "Event" e WHERE ${upcoming} ORDER BY 1`),
  ]);
  const items = cards.rows
    .map(
      (row) =>
        `<li><a href="/events/${escapeHtml(row.slug)}">${escapeHtml(row.title)}</a> ${escapeHtml(row.venue)}, ${escapeHtml(row.city)} ` +
        `<time>${(row.startsAt as Date).toISOString()}</time> ${escapeHtml(row.organizer)} ` +
        `${row.lowest === null ? "Slutsålt" : price(row.lowest, row.currency)}</li>`,
    )
    .join("");
  const options = cities.rows.map((row) => `<option>${escapeHtml(row.city)}</option>`).join("");
  send(res, 200, page("Evenemang", `<h1>Evenemang</h1><p>${count.rows[0].n} evenemang</p><select>${options}</select><ul>${items}</ul>`));
}

async function eventPage(res: ServerResponse, slug: string): Promise<void> {
  const event = await pool.query(
    `SELECT e."id", e."title", e."description", e."venue", e."city", e."startsAt", o."name" AS organizer
       FROM "Event" e JOIN "Organizer" o ON o."id" = e."organizerId"
      WHERE e."slug" = $1 AND e."status" = 'PUBLISHED'`,
    [slug],
  );
  if (event.rowCount === 0) return send(res, 404, page("Hittades inte", "<h1>Hittades inte</h1>"));
  const row = event.rows[0];
  const types = await pool.query(
    `SELECT "id", "name", "description", "priceMinor", "currency", "capacity", "sold", "held", "maxPerOrder"
       FROM "TicketType" WHERE "eventId" = $1 ORDER BY "sortOrder", "priceMinor" DESC, "name"`,
    [row.id],
  );
  const lines = types.rows
    .map((type) => {
      const left = Math.max(0, type.capacity - type.sold - type.held);
      const choose = `<select name="q_${type.id}">${Array.from({ length: Math.min(left, type.maxPerOrder) + 1 }, (_, n) => `<option>${n}</option>`).join("")}</select>`;
      return `<li>${escapeHtml(type.name)} ${price(type.priceMinor, type.currency)} ${left === 0 ? "Slutsålt" : choose}</li>`;
    })
    .join("");
  const paragraphs = String(row.description)
    .split(/\n\s*\n/)
    .map((text) => `<p>${escapeHtml(text)}</p>`)
    .join("");
  send(
    res,
    200,
    page(
      row.title,
      `<h1>${escapeHtml(row.title)}</h1><p>${escapeHtml(row.venue)}, ${escapeHtml(row.city)}, ${escapeHtml(row.organizer)}</p>${paragraphs}<form><ul>${lines}</ul></form>`,
    ),
  );
}

type Reserved =
  | { outcome: "duplicate"; orderId?: undefined }
  | { outcome: "refused"; refusal: string; orderId?: undefined }
  | { outcome: "reserved" | "paid"; orderId: string };

/** The welcome link's data as the app makes it (lib/orders/finalize-order.ts): the SQL keeps only the hash. */
function welcome(email: string, now: Date) {
  const token = randomBytes(32).toString("hex");
  return {
    email,
    url: `http://localhost/login/verify?token=${token}&email=${encodeURIComponent(email)}`,
    tokenHash: createHash("sha256").update(token).digest("hex"),
    expires: new Date(now.getTime() + 7 * 24 * 60 * 60_000).toISOString(),
  };
}

async function readForm(req: IncomingMessage): Promise<FormData> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  // The same multipart body the bench sends to the real server; fields may carry React's "1_" prefix.
  return new Response(Buffer.concat(chunks), { headers: { "content-type": req.headers["content-type"] ?? "" } }).formData();
}

function field(form: FormData, name: string): string {
  const value = form.get(name) ?? form.get(`_1_${name}`) ?? form.get(`1_${name}`);
  return typeof value === "string" ? value : "";
}

async function checkout(req: IncomingMessage, res: ServerResponse, slug: string): Promise<void> {
  const form = await readForm(req);
  const name = field(form, "name").trim();
  const email = field(form, "email").trim();
  if (!name || !email.includes("@") || field(form, "cardNumber").replace(/\s/g, "") !== "4242424242424242") {
    return send(res, 200, page("Fel", "<p>invalid</p>"));
  }
  const event = await pool.query(`SELECT "id" FROM "Event" WHERE "slug" = $1 AND "status" = 'PUBLISHED' AND "endsAt" > now()`, [slug]);
  if (event.rowCount === 0) return send(res, 404, page("Hittades inte", "<p>event_unavailable</p>"));
  const eventId: string = event.rows[0].id;
  const wanted: { id: string; quantity: number }[] = [];
  for (const [key, value] of form.entries()) {
    const match = /^(?:_?1_)?q_([0-9a-f-]{36})$/.exec(key);
    if (match && Number(value) > 0) wanted.push({ id: match[1], quantity: Number(value) });
  }
  if (wanted.length === 0) return send(res, 200, page("Fel", "<p>no_tickets</p>"));

  // The app's two database steps, called the way lib/orders/place-order.ts and finalize-order.ts
  // call them: the reserve step (checks, prices, writes the order with held admissions), the
  // test card's charge (in process, as the app's test provider), then the complete step.
  const now = new Date();
  const key = field(form, "idempotencyKey") || randomUUID();
  const hash = createHash("sha256")
    .update(`${slug}|${name}|${email}|${JSON.stringify(wanted)}`)
    .digest("hex");
  const lines = JSON.stringify(wanted.map((line) => ({ ticketTypeId: line.id, quantity: line.quantity })));
  const account = email.toLowerCase();
  const reserved = (
    await pool.query<{ result: Reserved }>(
      `SELECT "checkout_reserve"($1, $2, $3::timestamptz, $4::uuid, $5::jsonb, $6::integer, $7, $8, $9, $10, $11, $12,
                                 $13::timestamptz, $14::timestamptz, $15::jsonb) AS "result"`,
      [
        key,
        hash,
        new Date(now.getTime() + 24 * 60 * 60_000),
        eventId,
        lines,
        20,
        name,
        email,
        account,
        "sv",
        false,
        false,
        new Date(now.getTime() + 10 * 60_000),
        now,
        JSON.stringify(welcome(account, now)),
      ],
    )
  ).rows[0].result;
  if (reserved.outcome === "refused") return send(res, 200, page("Fel", `<p>${escapeHtml(reserved.refusal)}</p>`));
  if (reserved.outcome === "duplicate") return send(res, 200, page("Fel", "<p>duplicate</p>"));
  if (reserved.outcome === "reserved") {
    const payment = { provider: "baseline", reference: randomUUID(), cardBrand: "visa", cardLast4: "4242" };
    const completed = (
      await pool.query<{ result: { completed?: boolean; soldOut?: string } }>(
        `SELECT "checkout_complete"($1::uuid, 'held', $2::jsonb, $3::timestamptz, $4::jsonb) AS "result"`,
        [reserved.orderId, JSON.stringify(payment), now, JSON.stringify(welcome(account, now))],
      )
    ).rows[0].result;
    if (completed.completed !== true) return send(res, 200, page("Fel", "<p>not_completed</p>"));
  }
  send(res, 200, page("Tack", `<p>paid ${reserved.orderId}</p>`));
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://localhost");
  const parts = url.pathname.split("/").filter(Boolean).map(decodeURIComponent);
  let handled: Promise<void>;
  if (req.method === "GET" && url.pathname === "/") handled = Promise.resolve(send(res, 200, page("ok", "ok")));
  else if (req.method === "GET" && parts.length === 1 && parts[0] === "events") handled = eventList(res);
  else if (req.method === "GET" && parts.length === 2 && parts[0] === "events") handled = eventPage(res, parts[1]);
  else if (req.method === "POST" && parts.length === 3 && parts[0] === "events" && parts[2] === "checkout")
    handled = checkout(req, res, parts[1]);
  else handled = Promise.resolve(send(res, 404, page("404", "not found")));
  handled.catch((error: Error) => {
    console.error(`baseline: ${error.message}`);
    if (!res.headersSent) send(res, 500, page("500", "error"));
  });
});

server.listen(port, "127.0.0.1", () => console.log(`baseline: listening on ${port}`));
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    server.close();
    void pool.end().finally(() => process.exit(0));
  });
}
