// Applies prisma/migrations/*/migration.sql in name order and records each in
// _prisma_migrations exactly as `prisma migrate deploy` does, so either tool can take
// over from the other. Unlike Prisma, each migration runs in its own transaction: a
// failing migration leaves neither a half-applied schema nor a row behind.
import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";

/** The advisory lock key Prisma Migrate takes, so our runner and Prisma's never overlap. */
export const PRISMA_MIGRATE_LOCK_KEY = 72707369;

export type MigrationErrorCode = "checksum_mismatch" | "failed_migration" | "lock_timeout" | "apply_failed";

export class MigrationError extends Error {
  constructor(
    readonly code: MigrationErrorCode,
    message: string,
    readonly migration?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "MigrationError";
  }
}

export type LocalMigration = { name: string; sql: string; checksum: string };

export type MigrateResult = { applied: string[]; alreadyApplied: string[] };

type Queryable = {
  query<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
  exec(sql: string): Promise<void>;
};

/** What the runner needs from a database: queries, a transaction, a process-wide lock. */
export interface MigrationConnection extends Queryable {
  transaction(fn: (tx: Queryable) => Promise<void>): Promise<void>;
  withLock<T>(fn: () => Promise<T>, timeoutMs: number): Promise<T>;
  close(): Promise<void>;
}

const MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export function defaultMigrationsDir(): string {
  return path.join(process.cwd(), "prisma", "migrations");
}

export async function readMigrations(dir: string): Promise<LocalMigration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const migrations: LocalMigration[] = [];
  for (const name of names) {
    let bytes: Buffer;
    try {
      bytes = await readFile(path.join(dir, name, "migration.sql"));
    } catch {
      continue; // a folder without migration.sql is not a migration
    }
    migrations.push({
      name,
      sql: bytes.toString("utf8"),
      checksum: createHash("sha256").update(bytes).digest("hex"),
    });
  }
  return migrations;
}

type AppliedRow = {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
};

export async function migrate(
  connection: MigrationConnection,
  options: { migrationsDir?: string; lockTimeoutMs?: number; log?: (line: string) => void } = {},
): Promise<MigrateResult> {
  const log = options.log ?? (() => {});
  const migrations = await readMigrations(options.migrationsDir ?? defaultMigrationsDir());

  return connection.withLock(async () => {
    await connection.exec(MIGRATIONS_TABLE);
    // Read what is applied only once the lock is held: another runner may just have finished.
    const rows = await connection.query<AppliedRow>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at
         FROM "_prisma_migrations" ORDER BY started_at`,
    );
    const live = rows.filter((row) => row.rolled_back_at === null);

    const failed = live.find((row) => row.finished_at === null);
    if (failed) {
      throw new MigrationError(
        "failed_migration",
        `Migration ${failed.migration_name} is recorded as started but not finished (a failed run of another tool). ` +
          `Fix the database, then mark it with \`prisma migrate resolve\` or delete its row from _prisma_migrations.`,
        failed.migration_name,
      );
    }

    const applied = new Map(live.map((row) => [row.migration_name, row.checksum]));
    const result: MigrateResult = { applied: [], alreadyApplied: [] };

    for (const migration of migrations) {
      const checksum = applied.get(migration.name);
      if (checksum !== undefined) {
        if (checksum !== migration.checksum) {
          throw new MigrationError(
            "checksum_mismatch",
            `Migration ${migration.name} was changed after it was applied ` +
              `(recorded checksum ${checksum.slice(0, 12)}…, file now ${migration.checksum.slice(0, 12)}…). ` +
              `Restore the file and put the change in a new migration.`,
            migration.name,
          );
        }
        result.alreadyApplied.push(migration.name);
        continue;
      }

      try {
        await connection.transaction(async (tx) => {
          const id = randomUUID();
          await tx.query(
            `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
             VALUES ($1, $2, $3, now(), 0)`,
            [id, migration.checksum, migration.name],
          );
          await tx.exec(migration.sql);
          await tx.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [id]);
        });
      } catch (error) {
        throw new MigrationError(
          "apply_failed",
          `Migration ${migration.name} failed and was rolled back: ${(error as Error).message}`,
          migration.name,
          { cause: error },
        );
      }
      log(`applied ${migration.name}`);
      result.applied.push(migration.name);
    }
    return result;
  }, options.lockTimeoutMs ?? 60_000);
}

// ---------------------------------------------------------------- connections

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A dedicated connection to a PostgreSQL server (the lock is held by this session). */
export async function postgresMigrationConnection(url: string): Promise<MigrationConnection> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const queryable: Queryable = {
    async query<Row>(sql: string, params?: unknown[]) {
      return (await client.query(sql, params)).rows as Row[];
    },
    async exec(sql: string) {
      await client.query(sql); // simple protocol: a script of several statements
    },
  };
  return {
    ...queryable,
    async transaction(fn) {
      await client.query("BEGIN");
      try {
        await fn(queryable);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    },
    async withLock(fn, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const [row] = await queryable.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [PRISMA_MIGRATE_LOCK_KEY]);
        if (row.locked) break;
        if (Date.now() > deadline) {
          throw new MigrationError(
            "lock_timeout",
            `Another migration run has held the migration lock for over ${Math.round(timeoutMs / 1000)} s.`,
          );
        }
        await sleep(100);
      }
      try {
        return await fn();
      } finally {
        await queryable.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATE_LOCK_KEY]);
      }
    },
    async close() {
      await client.end();
    },
  };
}

// PGlite is one connection, so an advisory lock cannot keep two runners of the same
// process apart (it is re-entrant for its session); a queue per instance does.
const pgliteQueues = new WeakMap<PGlite, Promise<unknown>>();

export function pgliteMigrationConnection(db: PGlite): MigrationConnection {
  const wrap = (q: Pick<PGlite, "query" | "exec">): Queryable => ({
    async query<Row>(sql: string, params?: unknown[]) {
      return (await q.query<Row>(sql, params)).rows;
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
  });
  return {
    ...wrap(db),
    async transaction(fn) {
      await db.transaction(async (tx) => fn(wrap(tx)));
    },
    async withLock(fn) {
      const previous = pgliteQueues.get(db) ?? Promise.resolve();
      const run = previous.catch(() => {}).then(fn);
      pgliteQueues.set(db, run);
      return run;
    },
    async close() {
      // The instance is shared with the rest of the process; its owner closes it.
    },
  };
}
