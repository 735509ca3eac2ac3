// A short hash of every migration's name and SQL: it names the migrated copies the test runs
// start from (the embedded snapshot, the PostgreSQL template), so a changed or new migration
// makes new ones.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { defaultMigrationsDir } from "@/lib/db/migrate";

export function migrationsHash(): string {
  const dir = defaultMigrationsDir();
  const hash = createHash("sha256");
  for (const name of readdirSync(dir).sort()) {
    const file = path.join(dir, name, "migration.sql");
    if (!existsSync(file)) continue;
    hash.update(name).update("\0").update(readFileSync(file)).update("\0");
  }
  return hash.digest("hex").slice(0, 16);
}
