// Gives a test file its own migrated database: an in-memory PGlite by default, or a fresh
// database on the PostgreSQL server when TEST_DATABASE_URL is set. Import it before any
// module that touches the database; call useTestDatabase() at the top of the file.
import { disconnectDb } from "@/lib/db/client";
import { migrateConfiguredDatabase } from "@/lib/db/migrate-configured";
import { provideSharedPglite } from "@/lib/db/target";
import { pgliteFromSnapshot } from "./pglite-snapshot";
import { createMigratedDatabase, databaseUrl, dropDatabase, newDatabaseName, runDropsDatabases, testDatabaseUrl } from "./postgres";

export const onPostgres = Boolean(testDatabaseUrl);
export const databaseKind = onPostgres ? "PostgreSQL" : "PGlite";

const databaseName = newDatabaseName();

// The configuration is read once, on first use: point it at this file's database now.
if (onPostgres) {
  process.env.DATABASE_URL = databaseUrl(databaseName);
} else {
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DIR = "memory://";
}

export function useTestDatabase(): void {
  beforeAll(async () => {
    // The migrated schema from the run's snapshot or template; the migrations below then find
    // nothing to do. Without a snapshot (a test run by other means than npm test), the
    // embedded database migrates from scratch. Opened here, not when the file loads: a file whose tests are all skipped runs
    // no hooks, and would leave the database opening after its environment is gone.
    if (!onPostgres) {
      const snapshot = pgliteFromSnapshot();
      if (snapshot) provideSharedPglite("memory://", snapshot);
    }
    if (onPostgres) await createMigratedDatabase(databaseName);
    await migrateConfiguredDatabase();
  });
  afterAll(async () => {
    await disconnectDb();
    // Under npm test the run's teardown drops it with the others (tests/helpers/postgres.ts).
    if (onPostgres && !runDropsDatabases()) await dropDatabase(databaseName);
  });
}

/** Runs a describe block only against a real PostgreSQL server (concurrency is proven there). */
export const describeOnPostgres = onPostgres ? describe : describe.skip;
