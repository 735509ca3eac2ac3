// The migration that gives every access token an expiry at most a year after it was made, run
// on a database that has tokens from before it (PGlite, and PostgreSQL with TEST_DATABASE_URL).
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { migrate, pgliteMigrationConnection, postgresMigrationConnection, type MigrationConnection } from "@/lib/db/migrate";
import { createDatabase, dropDatabase, newDatabaseName, testDatabaseUrl } from "../helpers/postgres";

const MIGRATION = "20261203194000_access_token_max_lifetime";
const repoMigrations = path.join(process.cwd(), "prisma", "migrations");
const kind = testDatabaseUrl ? "PostgreSQL" : "PGlite";

type Scratch = { connect(): Promise<MigrationConnection>; dispose(): Promise<void> };

async function scratchDatabase(): Promise<Scratch> {
  if (testDatabaseUrl) {
    const name = newDatabaseName();
    const url = await createDatabase(name);
    const opened: MigrationConnection[] = [];
    return {
      async connect() {
        const connection = await postgresMigrationConnection(url);
        opened.push(connection);
        return connection;
      },
      async dispose() {
        await Promise.all(opened.map((c) => c.close().catch(() => {})));
        await dropDatabase(name);
      },
    };
  }
  const pglite = new PGlite();
  return { connect: async () => pgliteMigrationConnection(pglite), dispose: () => pglite.close() };
}

/** The migrations up to (not including) `name`, copied to a folder of their own. */
async function migrationsBefore(name: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "migrations-before-"));
  await cp(repoMigrations, dir, {
    recursive: true,
    filter: (source) => {
      const folder = path.relative(repoMigrations, source).split(path.sep)[0];
      return folder === "" || !/^\d{14}_/.test(folder) || folder < name;
    },
  });
  return dir;
}

describe(`${MIGRATION} (${kind})`, () => {
  let scratch: Scratch;
  let before: string;
  beforeEach(async () => {
    scratch = await scratchDatabase();
    before = await migrationsBefore(MIGRATION);
  });
  afterEach(async () => {
    await scratch.dispose();
    await rm(before, { recursive: true, force: true });
  });

  it("gives tokens without an expiry one a year after they were made, and leaves the others", async () => {
    const connection = await scratch.connect();
    await migrate(connection, { migrationsDir: before });
    await connection.exec(`
      INSERT INTO "User" ("id", "email", "updatedAt") VALUES ('00000000-0000-7000-8000-000000000001', 'token-owner@example.se', now());
      INSERT INTO "PersonalAccessToken" ("id", "userId", "name", "tokenHash", "prefix", "createdAt", "expiresAt") VALUES
        ('00000000-0000-7000-8000-0000000000a1', '00000000-0000-7000-8000-000000000001', 'never', 'h1', 'bt_a', '2026-11-26 10:00:00+00', NULL),
        ('00000000-0000-7000-8000-0000000000a2', '00000000-0000-7000-8000-000000000001', 'old never', 'h2', 'bt_b', '2025-06-01 08:30:00+00', NULL),
        ('00000000-0000-7000-8000-0000000000a3', '00000000-0000-7000-8000-000000000001', '30 days', 'h3', 'bt_c', '2026-11-26 10:00:00+00', '2026-12-26 10:00:00+00');
    `);

    const result = await migrate(connection, { migrationsDir: repoMigrations });
    expect(result.applied).toContain(MIGRATION);

    const rows = await connection.query<{ name: string; expiresAt: Date }>(
      `SELECT "name", "expiresAt" FROM "PersonalAccessToken" ORDER BY "id"`,
    );
    expect(rows.map((row) => [row.name, new Date(row.expiresAt).toISOString()])).toEqual([
      ["never", "2027-11-26T10:00:00.000Z"],
      // Made more than a year ago: expired at once, as the rule says.
      ["old never", "2026-06-01T08:30:00.000Z"],
      ["30 days", "2026-12-26T10:00:00.000Z"],
    ]);
    const [column] = await connection.query<{ is_nullable: string }>(
      `SELECT is_nullable FROM information_schema.columns WHERE table_name = 'PersonalAccessToken' AND column_name = 'expiresAt'`,
    );
    expect(column.is_nullable).toBe("NO");
  });
});
