// Once per `npm test`, before the test files: the migrated schema every test file starts from.
// On the embedded database, a snapshot that each file loads (tests/helpers/pglite-snapshot.ts);
// on PostgreSQL (TEST_DATABASE_URL), a template database that each file copies
// (tests/helpers/postgres.ts).
import { randomBytes } from "node:crypto";
import { ensureSnapshot } from "./pglite-snapshot";
import { ensureTemplateDatabase } from "./postgres";

export default async function globalSetup(): Promise<void> {
  if (process.env.TEST_DATABASE_URL) {
    await ensureTemplateDatabase();
    // Names this run's databases, which tests/helpers/jest-global-teardown.ts drops at the end.
    process.env.TEST_RUN_ID = randomBytes(4).toString("hex");
  } else {
    await ensureSnapshot();
  }
}
