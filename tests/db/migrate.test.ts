import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { cp, mkdtemp, readFile, rm, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import {
  migrate,
  MigrationError,
  pgliteMigrationConnection,
  postgresMigrationConnection,
  PRISMA_MIGRATE_LOCK_KEY,
  readMigrations,
  type MigrationConnection,
} from "@/lib/db/migrate";
import { createDatabase, dropDatabase, newDatabaseName, testDatabaseUrl } from "../helpers/postgres";

const repoMigrations = path.join(process.cwd(), "prisma", "migrations");
const onPostgres = Boolean(testDatabaseUrl);

// A database of the kind under test, with a way to open more connections to it.
type Scratch = {
  /** The connection URL, on PostgreSQL only. */
  url?: string;
  connect(): Promise<MigrationConnection>;
  query<Row>(sql: string): Promise<Row[]>;
  dispose(): Promise<void>;
};

async function scratchDatabase(): Promise<Scratch> {
  if (onPostgres) {
    const name = newDatabaseName();
    const url = await createDatabase(name);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const opened: MigrationConnection[] = [];
    return {
      url,
      async connect() {
        const connection = await postgresMigrationConnection(url);
        opened.push(connection);
        return connection;
      },
      async query<Row>(sql: string) {
        return (await client.query(sql)).rows as Row[];
      },
      async dispose() {
        await Promise.all(opened.map((c) => c.close().catch(() => {})));
        await client.end();
        await dropDatabase(name);
      },
    };
  }
  const db = new PGlite();
  return {
    async connect() {
      return pgliteMigrationConnection(db);
    },
    async query<Row>(sql: string) {
      return (await db.query<Row>(sql)).rows;
    },
    async dispose() {
      await db.close();
    },
  };
}

async function copyOfMigrations(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "migrations-"));
  await cp(repoMigrations, dir, { recursive: true });
  return dir;
}

async function addMigration(dir: string, name: string, sql: string) {
  await mkdir(path.join(dir, name));
  await writeFile(path.join(dir, name, "migration.sql"), sql);
}

type Row = { migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number; id: string };

const kind = onPostgres ? "PostgreSQL" : "PGlite";
let scratch: Scratch;
let dir: string;

beforeEach(async () => {
  scratch = await scratchDatabase();
  dir = await copyOfMigrations();
});

afterEach(async () => {
  await scratch.dispose();
  await rm(dir, { recursive: true, force: true });
});

describe(`migrate (${kind})`, () => {
  it("applies every migration to a fresh database and records it as prisma migrate deploy does", async () => {
    const local = await readMigrations(dir);
    expect(local.length).toBeGreaterThanOrEqual(2);

    const result = await migrate(await scratch.connect(), { migrationsDir: dir });

    expect(result.applied).toEqual(local.map((m) => m.name));
    const rows = await scratch.query<Row>(
      `SELECT id, migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(local.map((m) => m.name));
    for (const row of rows) {
      const bytes = await readFile(path.join(dir, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(bytes).digest("hex"));
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row.finished_at).not.toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
    const tables = await scratch.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name IN ('User', 'Event', 'Order', 'Ticket')`,
    );
    expect(tables[0].n).toBe(4);
  });

  it("does nothing when run again", async () => {
    await migrate(await scratch.connect(), { migrationsDir: dir });
    const before = await scratch.query<Row>(`SELECT id, migration_name FROM "_prisma_migrations" ORDER BY id`);

    const again = await migrate(await scratch.connect(), { migrationsDir: dir });

    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied).toHaveLength(before.length);
    expect(await scratch.query<Row>(`SELECT id, migration_name FROM "_prisma_migrations" ORDER BY id`)).toEqual(before);
  });

  it("applies only the new migration when one is added", async () => {
    await migrate(await scratch.connect(), { migrationsDir: dir });
    await addMigration(dir, "29990101000000_add_note", `ALTER TABLE "Organizer" ADD COLUMN "note" TEXT;`);

    const result = await migrate(await scratch.connect(), { migrationsDir: dir });

    expect(result.applied).toEqual(["29990101000000_add_note"]);
  });

  it("applies each migration once when several runs start at the same time", async () => {
    const connections = await Promise.all([1, 2, 3, 4].map(() => scratch.connect()));

    const results = await Promise.all(connections.map((c) => migrate(c, { migrationsDir: dir })));

    const local = await readMigrations(dir);
    const appliedByAnyone = results.flatMap((r) => r.applied).sort();
    expect(appliedByAnyone).toEqual(local.map((m) => m.name));
    const rows = await scratch.query<{ migration_name: string; n: number }>(
      `SELECT migration_name, count(*)::int AS n FROM "_prisma_migrations" GROUP BY migration_name`,
    );
    expect(rows).toHaveLength(local.length);
    expect(rows.every((r) => r.n === 1)).toBe(true);
  });

  it("stops with a clear error when an applied migration was changed", async () => {
    await migrate(await scratch.connect(), { migrationsDir: dir });
    const [first] = await readMigrations(dir);
    await writeFile(path.join(dir, first.name, "migration.sql"), `${first.sql}\n-- edited afterwards\n`);
    await addMigration(dir, "29990101000000_after_tamper", `CREATE TABLE "Never" (id int);`);

    const run = migrate(await scratch.connect(), { migrationsDir: dir });

    await expect(run).rejects.toThrow(MigrationError);
    await expect(run).rejects.toMatchObject({ code: "checksum_mismatch", migration: first.name });
    await expect(run).rejects.toThrow(/was changed after it was applied/);
    const never = await scratch.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'Never'`);
    expect(never).toHaveLength(0);
  });

  it("rolls a failing migration back completely and records nothing for it", async () => {
    await addMigration(dir, "29990101000000_half_broken", `CREATE TABLE "Half" (id int);\nINSERT INTO "NoSuchTable" VALUES (1);`);

    const run = migrate(await scratch.connect(), { migrationsDir: dir });

    await expect(run).rejects.toMatchObject({ code: "apply_failed", migration: "29990101000000_half_broken" });
    expect(await scratch.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'Half'`)).toHaveLength(0);
    expect(await scratch.query(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '29990101000000_half_broken'`)).toHaveLength(0);
    // The migrations before it stay applied, and a fixed file is applied on the next run.
    await writeFile(path.join(dir, "29990101000000_half_broken", "migration.sql"), `CREATE TABLE "Half" (id int);`);
    const retry = await migrate(await scratch.connect(), { migrationsDir: dir });
    expect(retry.applied).toEqual(["29990101000000_half_broken"]);
  });

  it("refuses to go on past a migration another tool left unfinished", async () => {
    await migrate(await scratch.connect(), { migrationsDir: dir });
    await scratch.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, applied_steps_count)
       VALUES ('00000000-0000-0000-0000-000000000001', 'x', '29990101000000_crashed', 0)`,
    );

    await expect(migrate(await scratch.connect(), { migrationsDir: dir })).rejects.toMatchObject({
      code: "failed_migration",
      migration: "29990101000000_crashed",
    });
  });
});

(onPostgres ? describe : describe.skip)("migrate across processes (PostgreSQL)", () => {
  it("gives up with a clear error while another session holds Prisma's migration lock", async () => {
    const url = scratch.url!;
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    try {
      await holder.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK_KEY]);
      const run = migrate(await scratch.connect(), { migrationsDir: dir, lockTimeoutMs: 300 });
      await expect(run).rejects.toMatchObject({ code: "lock_timeout" });
    } finally {
      await holder.end();
    }
  });

  it("applies each migration once when two `npm run db:migrate` processes start together", async () => {
    const url = scratch.url!;
    const runOnce = () =>
      new Promise<number>((resolve) => {
        const child = spawn(process.execPath, [path.join("node_modules", "tsx", "dist", "cli.mjs"), "lib/db/cli/migrate.ts"], {
          env: { ...process.env, NODE_OPTIONS: "", DATABASE_URL: url },
          stdio: "ignore",
        });
        child.on("exit", (code) => resolve(code ?? 1));
      });

    const codes = await Promise.all([runOnce(), runOnce()]);

    expect(codes).toEqual([0, 0]);
    const local = await readMigrations(repoMigrations);
    const rows = await scratch.query<{ migration_name: string }>(`SELECT migration_name FROM "_prisma_migrations"`);
    expect(rows.map((r) => r.migration_name).sort()).toEqual(local.map((m) => m.name));
  });
});
