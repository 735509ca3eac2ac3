// Fresh, throw-away databases on the PostgreSQL server named by TEST_DATABASE_URL.
import { randomBytes } from "node:crypto";
import pg from "pg";

export const testDatabaseUrl = process.env.TEST_DATABASE_URL || undefined;

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

export function newDatabaseName(): string {
  return `test_${process.pid}_${randomBytes(5).toString("hex")}`;
}

/** Creates an empty database and returns its URL. */
export async function createDatabase(name: string): Promise<string> {
  await admin((client) => client.query(`CREATE DATABASE "${name}"`));
  return withDatabase(testDatabaseUrl!, name);
}

export async function dropDatabase(name: string): Promise<void> {
  await admin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

export function databaseUrl(name: string): string {
  return withDatabase(testDatabaseUrl!, name);
}
