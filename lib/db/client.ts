// The one Prisma client of the process, created on first use so that importing this
// module (during `next build`, say) opens no database.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "./generated/client";
import { closeSharedPglite, databaseTarget, sharedPglite } from "./target";

// Prisma's namespace, for code in lib/ that composes raw SQL (Prisma.sql, Prisma.join) or names
// the input types of a where clause (Prisma.OrderWhereInput).
export { Prisma } from "./generated/client";

function createClient() {
  const target = databaseTarget();
  const adapter =
    target.kind === "postgres" ? new PrismaPg({ connectionString: target.url }) : new PrismaPGlite(sharedPglite(target.dataDir));
  return new PrismaClient({
    adapter,
    // Secrets are left out of every query unless a caller asks for them by name.
    omit: { user: { passwordHash: true } },
  });
}

export type Db = ReturnType<typeof createClient>;
/** The client handed to the callback of an interactive transaction. */
export type DbTransaction = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const globalForDb = globalThis as unknown as { prismaClient?: Db };

function client(): Db {
  globalForDb.prismaClient ??= createClient();
  return globalForDb.prismaClient;
}

export const db: Db = new Proxy({} as Db, {
  get(_target, property) {
    const real = client();
    const value = Reflect.get(real, property, real);
    return typeof value === "function" ? value.bind(real) : value;
  },
});

/** Disconnects the client and, on the embedded database, closes it. */
export async function disconnectDb(): Promise<void> {
  const current = globalForDb.prismaClient;
  globalForDb.prismaClient = undefined;
  if (current) await current.$disconnect();
  const target = databaseTarget();
  if (target.kind === "pglite") await closeSharedPglite(target.dataDir);
}
