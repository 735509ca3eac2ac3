// `npm run db:migrate`: applies pending migrations to the configured database.
import { disconnectDb } from "../client";
import { MigrationError } from "../migrate";
import { migrateConfiguredDatabase } from "../migrate-configured";
import { databaseTarget } from "../target";

async function main() {
  const target = databaseTarget();
  const where = target.kind === "postgres" ? "PostgreSQL server" : `embedded database in ${target.dataDir}`;
  const result = await migrateConfiguredDatabase({ log: (line) => console.log(line) });
  console.log(
    result.applied.length === 0
      ? `${where}: up to date (${result.alreadyApplied.length} migrations)`
      : `${where}: applied ${result.applied.length}, ${result.alreadyApplied.length} were already applied`,
  );
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof MigrationError ? `db:migrate: ${error.message}` : error);
    process.exitCode = 1;
  })
  .finally(() => disconnectDb());
