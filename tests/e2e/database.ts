// The database the served build uses, for journeys that look something up in it or set a
// state no browser can reach (a sign-in made long ago, say). It is PostgreSQL: run the
// journeys with TEST_DATABASE_URL; global-setup.ts hands its URL on as DATABASE_URL.
import pg from "pg";

export async function connectServerDatabase(journey: string): Promise<pg.Client> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error(`${journey} needs the PostgreSQL database (run with TEST_DATABASE_URL)`);
  const database = new pg.Client({ connectionString: url });
  await database.connect();
  return database;
}
