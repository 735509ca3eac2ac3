// Once per `npm test`, after the test files: on PostgreSQL, drops the databases this run's files
// made (named after TEST_RUN_ID, which globalSetup set). A file whose run was cut short leaves
// its database to this sweep too.
import { dropRunDatabases } from "./postgres";

export default async function globalTeardown(): Promise<void> {
  const runId = process.env.TEST_RUN_ID;
  if (process.env.TEST_DATABASE_URL && runId) await dropRunDatabases(runId);
}
