// Once per `npm test`, before the test files: on the embedded database, the snapshot of the
// migrated schema that every test file loads (tests/helpers/pglite-snapshot.ts). On PostgreSQL
// (TEST_DATABASE_URL) each file migrates a database of its own, as before.
import { ensureSnapshot } from "./pglite-snapshot";

export default async function globalSetup(): Promise<void> {
  if (process.env.TEST_DATABASE_URL) return;
  await ensureSnapshot();
}
