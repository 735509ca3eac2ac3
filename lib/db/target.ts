// Which database this process talks to: a PostgreSQL server, or PGlite embedded in the process.
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { env } from "../env";

export type DatabaseTarget = { kind: "postgres"; url: string } | { kind: "pglite"; dataDir: string };

export function databaseTarget(): DatabaseTarget {
  const { DATABASE_URL, PGLITE_DIR } = env();
  if (DATABASE_URL) return { kind: "postgres", url: DATABASE_URL };
  return { kind: "pglite", dataDir: PGLITE_DIR };
}

// PGlite allows one open instance per data directory, so the Prisma client and the
// migration runner of a process share this one.
const globalForPglite = globalThis as unknown as { pglite?: Map<string, PGlite> };

export function sharedPglite(dataDir: string): PGlite {
  globalForPglite.pglite ??= new Map();
  let instance = globalForPglite.pglite.get(dataDir);
  if (!instance || instance.closed) {
    const inMemory = dataDir.startsWith("memory://");
    if (!inMemory) mkdirSync(dataDir, { recursive: true });
    instance = new PGlite(dataDir);
    globalForPglite.pglite.set(dataDir, instance);
  }
  return instance;
}

/**
 * Makes `instance` the process's PGlite for `dataDir`, before anything opens one: the tests hand
 * in a database loaded from a snapshot of the migrated schema (tests/helpers/pglite-snapshot.ts)
 * instead of running initdb and every migration once per test file.
 */
export function provideSharedPglite(dataDir: string, instance: PGlite): void {
  globalForPglite.pglite ??= new Map();
  const open = globalForPglite.pglite.get(dataDir);
  if (open && !open.closed) throw new Error(`a PGlite for ${dataDir} is already open`);
  globalForPglite.pglite.set(dataDir, instance);
}

export async function closeSharedPglite(dataDir: string): Promise<void> {
  const instance = globalForPglite.pglite?.get(dataDir);
  globalForPglite.pglite?.delete(dataDir);
  if (instance && !instance.closed) await instance.close().catch(() => {});
}
