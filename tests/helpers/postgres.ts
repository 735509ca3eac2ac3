// Fresh, throw-away databases on the PostgreSQL server named by TEST_DATABASE_URL. A test file's
// database is a copy of a template that holds every migration (made once per `npm test`, by
// tests/helpers/jest-global-setup.ts): copying it takes a fifth of a second here, an empty
// database and every migration took over half a second.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { migrate, postgresMigrationConnection } from "@/lib/db/migrate";
import { migrationsHash } from "./migrations-hash";

export const testDatabaseUrl = process.env.TEST_DATABASE_URL || undefined;

const TEMPLATE_PREFIX = "test_template_";
/** Templates of other migrations are dropped a day after they were made (another run may still copy them). */
const TEMPLATE_KEPT_MS = 24 * 60 * 60_000;
/** An advisory lock key of its own: two runs starting at once make the template once. */
const TEMPLATE_LOCK_KEY = 72707370;

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  if (!testDatabaseUrl) throw new Error("TEST_DATABASE_URL is not set");
  const client = new pg.Client({ connectionString: testDatabaseUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * A database name of this run: `npm test` names the run in globalSetup (TEST_RUN_ID, inherited
 * by the test workers), and globalTeardown drops every database of the run at the end, several
 * at a time, instead of each file waiting for its own drop (up to a second each here).
 */
export function newDatabaseName(): string {
  return `test_${process.env.TEST_RUN_ID ?? "x"}_${process.pid}_${randomBytes(5).toString("hex")}`;
}

/** Whether globalTeardown drops this run's databases (they are named after it). */
export const runDropsDatabases = (): boolean => Boolean(process.env.TEST_RUN_ID);

/** Drops every database of the run named by TEST_RUN_ID, a few at a time. */
export async function dropRunDatabases(runId: string): Promise<number> {
  const names = await admin(async (client) => {
    const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [
      `test\\_${runId}\\_%`,
    ]);
    return rows.map((row) => row.datname);
  });
  const queue = [...names];
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let name = queue.shift(); name; name = queue.shift()) await dropDatabase(name);
    }),
  );
  return names.length;
}

/** The migrated template of the current migrations. */
export function templateDatabaseName(): string {
  return `${TEMPLATE_PREFIX}${migrationsHash()}`;
}

/** Creates an empty database and returns its URL. */
export async function createDatabase(name: string): Promise<string> {
  await admin((client) => client.query(`CREATE DATABASE "${name}"`));
  return withDatabase(testDatabaseUrl!, name);
}

/** Creates a database with every migration applied, copied from the template, and returns its URL. */
export async function createMigratedDatabase(name: string): Promise<string> {
  await admin((client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${templateDatabaseName()}"`));
  return withDatabase(testDatabaseUrl!, name);
}

export async function dropDatabase(name: string): Promise<void> {
  await admin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

export function databaseUrl(name: string): string {
  return withDatabase(testDatabaseUrl!, name);
}

/**
 * Makes the template of the current migrations unless it exists. It is migrated under another
 * name and renamed when done, so a copy never starts from half a schema, and nobody stays
 * connected to it (PostgreSQL copies only a database nobody is connected to).
 */
export async function ensureTemplateDatabase(): Promise<string> {
  const template = templateDatabaseName();
  await admin(async (client) => {
    await client.query("SELECT pg_advisory_lock($1)", [TEMPLATE_LOCK_KEY]);
    try {
      const existing = await client.query<{ datname: string; description: string | null }>(
        `SELECT datname, shobj_description(oid, 'pg_database') AS description FROM pg_database WHERE datname LIKE $1`,
        [`${TEMPLATE_PREFIX}%`],
      );
      for (const row of existing.rows) {
        const madeAt = Number(row.description);
        if (row.datname !== template && Number.isFinite(madeAt) && Date.now() - madeAt > TEMPLATE_KEPT_MS) {
          await client.query(`DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`);
        }
      }
      if (existing.rows.some((row) => row.datname === template)) return;
      const partial = `${template}_partial_${process.pid}`;
      await client.query(`DROP DATABASE IF EXISTS "${partial}" WITH (FORCE)`);
      await client.query(`CREATE DATABASE "${partial}"`);
      const connection = await postgresMigrationConnection(withDatabase(testDatabaseUrl!, partial));
      try {
        await migrate(connection);
      } finally {
        await connection.close();
      }
      await client.query(`ALTER DATABASE "${partial}" RENAME TO "${template}"`);
      await client.query(`COMMENT ON DATABASE "${template}" IS '${Date.now()}'`);
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [TEMPLATE_LOCK_KEY]);
    }
  });
  return template;
}
