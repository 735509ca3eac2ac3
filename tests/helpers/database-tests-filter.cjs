// A Jest filter (`npm test -- --filter=./tests/helpers/database-tests-filter.cjs`) that keeps
// only the test files that open a database. CI runs every file on the embedded database and, with
// this filter, the files that touch a database a second time on PostgreSQL: a file that never
// opens one would only repeat the same work there. A test file opens a database through
// tests/helpers/test-db.ts (useTestDatabase), or by itself through lib/db or PGlite.
// Jest loads a filter with require(), so this file is CommonJS.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { readFileSync } = require("node:fs");

const opensDatabase = /useTestDatabase|helpers\/test-db|helpers\/postgres|@\/lib\/db\/|@electric-sql\/pglite/;

module.exports = async function databaseTests(testPaths) {
  return { filtered: testPaths.filter((file) => opensDatabase.test(readFileSync(file, "utf8"))) };
};
