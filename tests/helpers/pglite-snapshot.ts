// A snapshot of an embedded database with every migration applied, made once per `npm test`
// run (tests/helpers/jest-global-setup.ts) and loaded by each test file (tests/helpers/test-db.ts).
// A fresh PGlite runs initdb and then the migrations, seconds per file; loading the snapshot's
// data directory skips both. The file is named by a hash of the migrations, so a changed or new
// migration makes a new snapshot.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { migrate, pgliteMigrationConnection } from "@/lib/db/migrate";
import { migrationsHash } from "./migrations-hash";

const SNAPSHOT_DIR = path.resolve(".data", "test-snapshots");

/** Where the snapshot of the current migrations lives (it may not exist yet). */
export function snapshotPath(): string {
  return path.join(SNAPSHOT_DIR, `migrated-${migrationsHash()}.tar`);
}

/** Makes the snapshot unless one of the current migrations exists; removes older ones. */
export async function ensureSnapshot(): Promise<string> {
  const file = snapshotPath();
  if (existsSync(file)) return file;
  mkdirSync(SNAPSHOT_DIR, { recursive: true });
  const db = new PGlite("memory://");
  try {
    const connection = pgliteMigrationConnection(db);
    await migrate(connection);
    const dump = await db.dumpDataDir("none");
    // Written under another name and renamed, so a test never reads half a file.
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, file);
  } finally {
    await db.close();
  }
  for (const name of readdirSync(SNAPSHOT_DIR)) {
    if (name.startsWith("migrated-") && path.join(SNAPSHOT_DIR, name) !== file && !name.endsWith(".partial")) {
      rmSync(path.join(SNAPSHOT_DIR, name), { force: true });
    }
  }
  return file;
}

/** An in-memory PGlite with the snapshot's migrated schema, or null when there is no snapshot. */
export function pgliteFromSnapshot(): PGlite | null {
  const file = snapshotPath();
  if (!existsSync(file)) return null;
  return new PGlite({ loadDataDir: new Blob([readFileSync(file)]) });
}
