// Counts what one guest checkout costs the database: the statements the app sends (each is one
// round trip), the transactions, and the round trips made while a ticket type's row is locked.
// Not part of `npm test`. Run against a PostgreSQL server (a fresh database is made and dropped):
//
//   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres \
//     npx tsx tests/bench/checkout-statements.ts
//
// BENCH_VERBOSE=1 lists each checkout's statements. Every query the pg driver sends is counted, so statements run inside a SQL function count as
// the one call that ran them: the figure is the network's view, the one that costs latency.
import pg from "pg";
import { randomUUID } from "node:crypto";
import { register } from "node:module";

// lib/ marks its server modules with `import "server-only"`, which throws outside React's server
// condition; this script is server code, so it resolves that marker to the package's empty module.
const serverOnlyHook = `export async function resolve(specifier, context, next) {
  if (specifier === "server-only") return next("server-only", { ...context, conditions: [...context.conditions, "react-server"] });
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(serverOnlyHook)}`);

const serverUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
process.env.TEST_DATABASE_URL = serverUrl;
const CHECKOUTS = Number(process.env.BENCH_CHECKOUTS || 20);

type Recorded = { text: string; client: pg.Client };
let log: Recorded[] = [];

// Every statement of every pooled connection passes through Client#query. To measure an older
// commit with this same script: `git worktree add /tmp/old <commit>`, link node_modules and
// lib/db/generated into it, copy this file there and run it from that folder.
const originalQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function patchedQuery(this: pg.Client, ...args: unknown[]) {
  const first = args[0];
  const text = typeof first === "string" ? first : ((first as { text?: string } | undefined)?.text ?? "");
  log.push({ text, client: this });
  return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof pg.Client.prototype.query;

type Figures = { statements: number; transactions: number; lockedRoundTrips: number; ms: number };

/**
 * Round trips between the first statement that takes a ticket type's row lock and the end of
 * its transaction, on the same connection (the lock is released at COMMIT or ROLLBACK). A
 * statement outside any transaction that takes the lock counts as one.
 */
function measure(entries: Recorded[]): Omit<Figures, "ms"> {
  const perClient = new Map<pg.Client, { inTx: boolean; locked: number | null }>();
  let lockedRoundTrips = 0;
  let transactions = 0;
  const takesTypeLock = (text: string) => /UPDATE\s+"TicketType"|checkout_reserve|checkout_complete|checkout_fail/i.test(text);
  for (const { text, client } of entries) {
    const state = perClient.get(client) ?? { inTx: false, locked: null };
    perClient.set(client, state);
    const trimmed = text.trim().toUpperCase();
    if (trimmed.startsWith("BEGIN")) {
      state.inTx = true;
      transactions++;
      continue;
    }
    if (trimmed.startsWith("COMMIT") || trimmed.startsWith("ROLLBACK")) {
      if (state.locked !== null) lockedRoundTrips += state.locked + 1;
      state.inTx = false;
      state.locked = null;
      continue;
    }
    if (state.inTx) {
      if (state.locked !== null) state.locked++;
      else if (takesTypeLock(text)) state.locked = 1;
    } else if (takesTypeLock(text)) {
      lockedRoundTrips += 1;
    }
  }
  return { statements: entries.length, transactions, lockedRoundTrips };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function main() {
  // Imported here: the helper reads TEST_DATABASE_URL when it loads, which is set above.
  const { createDatabase, databaseUrl, dropDatabase, newDatabaseName } = await import("../helpers/postgres");
  const name = newDatabaseName();
  await createDatabase(name);
  process.env.DATABASE_URL = databaseUrl(name);
  try {
    const { migrateConfiguredDatabase } = await import("../../lib/db/migrate-configured");
    await migrateConfiguredDatabase();
    const { db, disconnectDb } = await import("../../lib/db/client");
    const { createEvent } = await import("../helpers/fixtures");
    const { checkout } = await import("../../lib/orders/checkout");
    const { quantityField } = await import("../../lib/orders/checkout-schema");
    const { testPaymentProvider, TEST_CARDS } = await import("../../lib/payments/test-provider");
    const { deliverDueEmails } = await import("../../lib/outbox/sender");
    const { renderOutboxEmail } = await import("../../emails/render");
    // Older trees (to measure them with this script) store whole snapshots and have no resolver.
    const registry: Record<string, unknown> = await import("../../emails/registry");
    const keepAsStored = async <E>(email: E) => email;
    const resolveStoredEmail = (
      typeof registry.resolveStoredEmail === "function" ? registry.resolveStoredEmail : keepAsStored
    ) as typeof keepAsStored;
    const { mailboxTransport } = await import("../../lib/outbox/transport");

    const provider = testPaymentProvider();
    const { event, ticketTypes } = await createEvent({
      ticketTypes: [
        { name: "Vuxen", priceMinor: 25_000, capacity: 10_000 },
        { name: "Fri entré", priceMinor: 0, capacity: 10_000 },
      ],
    });

    async function oneCheckout(kind: "card" | "free"): Promise<Figures> {
      const email = `bench-${randomUUID().slice(0, 8)}@example.se`;
      const fields: Record<string, string> = {
        event: event.slug,
        idempotencyKey: randomUUID(),
        name: "Bänk Testsson",
        email,
        emailConfirm: email,
        terms: "on",
        [quantityField(kind === "card" ? ticketTypes[0].id : ticketTypes[1].id)]: "2",
        ...(kind === "card" ? { cardNumber: TEST_CARDS.succeeds, cardExpiry: "12/40", cardCvc: "123" } : {}),
      };
      log = [];
      const started = process.hrtime.bigint();
      const result = await checkout(fields, { locale: "sv", provider, clientAddress: "203.0.113.7" });
      const figures = { ...measure(log), ms: Number(process.hrtime.bigint() - started) / 1e6 };
      // BENCH_VERBOSE=1 lists the statements of each checkout, first line of each.
      if (process.env.BENCH_VERBOSE)
        console.log(`${kind}:\n${log.map(({ text }) => `  ${text.trim().split("\n")[0].slice(0, 110)}`).join("\n")}`);
      if (!result.ok) throw new Error(`checkout refused: ${result.error}`);
      return figures;
    }

    const report: Record<string, Figures> = {};
    for (const kind of ["card", "free"] as const) {
      await oneCheckout(kind); // warm-up: connections, prepared plans, the first account
      const runs: Figures[] = [];
      for (let i = 0; i < CHECKOUTS; i++) runs.push(await oneCheckout(kind));
      report[kind] = {
        statements: median(runs.map((run) => run.statements)),
        transactions: median(runs.map((run) => run.transactions)),
        lockedRoundTrips: median(runs.map((run) => run.lockedRoundTrips)),
        ms: median(runs.map((run) => run.ms)),
      };
    }

    // What the email sender then spends per email (rendering included), outside the request.
    log = [];
    let sent = 0;
    const started = process.hrtime.bigint();
    for (;;) {
      const delivered = await deliverDueEmails({
        transport: mailboxTransport(),
        render: async (email) => renderOutboxEmail(await resolveStoredEmail(email)),
        from: "bench@localhost",
        messageIdDomain: "localhost",
        batchSize: 50,
      });
      sent += delivered.sent;
      if (delivered.sent + delivered.retrying + delivered.failed === 0) break;
    }
    const senderMs = Number(process.hrtime.bigint() - started) / 1e6;
    const senderStatements = log.length;

    console.log(`checkout statements, median of ${CHECKOUTS} sequential guest checkouts (PostgreSQL, round trips as sent)`);
    console.log("| checkout | statements (round trips) | transactions | round trips holding a ticket type lock | ms, one at a time |");
    console.log("| --- | --- | --- | --- | --- |");
    for (const [kind, figures] of Object.entries(report)) {
      console.log(`| ${kind} | ${figures.statements} | ${figures.transactions} | ${figures.lockedRoundTrips} | ${figures.ms.toFixed(1)} |`);
    }
    console.log(
      `email sender: ${sent} emails, ${(senderStatements / Math.max(1, sent)).toFixed(1)} statements and ${(senderMs / Math.max(1, sent)).toFixed(1)} ms per email`,
    );
    await db.$disconnect();
    await disconnectDb();
  } finally {
    await dropDatabase(name);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
