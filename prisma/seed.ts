// `npm run db:seed`: fills the configured database with demo organizers, events and paid
// orders. Safe to run again: it creates only what is missing and moves event dates along.
import { databaseTarget } from "@/lib/db/target";
import { db, disconnectDb } from "@/lib/db/client";
import { seedDemoData, type SeedCounts } from "@/lib/seed/seed-demo-data";

const labels: Record<keyof SeedCounts, string> = {
  organizers: "organizers",
  users: "users",
  organizerMembers: "organizer members",
  events: "events",
  ticketTypes: "ticket types",
  orders: "orders",
  orderItems: "order items",
  tickets: "tickets",
  marketingConsents: "marketing consents",
};

function describe(counts: Partial<SeedCounts>): string {
  const parts = (Object.keys(labels) as (keyof SeedCounts)[])
    .filter((key) => (counts[key] ?? 0) > 0)
    .map((key) => `${counts[key]} ${labels[key]}`);
  return parts.length > 0 ? parts.join(", ") : "nothing";
}

async function main() {
  const target = databaseTarget();
  const where = target.kind === "postgres" ? "PostgreSQL server" : `embedded database in ${target.dataDir}`;
  const { created, updated } = await seedDemoData(db);
  console.log(`Demo data (${where})`);
  console.log(`  created: ${describe(created)}`);
  console.log(`  refreshed: ${describe(updated)}`);
}

main()
  .catch((error: unknown) => {
    console.error("db:seed failed:", error);
    process.exitCode = 1;
  })
  .finally(() => disconnectDb());
