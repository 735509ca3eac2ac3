// Runs the migration runner against the database this process is configured for.
import { migrate, pgliteMigrationConnection, postgresMigrationConnection, type MigrateResult } from "./migrate";
import { databaseTarget, sharedPglite } from "./target";

export async function migrateConfiguredDatabase(
  options: { migrationsDir?: string; log?: (line: string) => void } = {},
): Promise<MigrateResult> {
  const target = databaseTarget();
  const connection =
    target.kind === "postgres" ? await postgresMigrationConnection(target.url) : pgliteMigrationConnection(sharedPglite(target.dataDir));
  try {
    return await migrate(connection, options);
  } finally {
    await connection.close();
  }
}
