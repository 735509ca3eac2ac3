// What a valid id looks like: every table's primary key is a PostgreSQL uuid, and an id from a
// URL or a form is checked here before it reaches a query (PostgreSQL refuses a malformed uuid
// with an error, which would be a 500 instead of the 404 an unknown id gets).
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === "string" && uuidPattern.test(value);
}
