// What an event's address segment looks like: lower-case a–z, digits and single hyphens, as
// slugify() and the event form make them. Anything else is no event, and is never looked up
// (a NUL byte would make PostgreSQL refuse the query instead of finding nothing).
export const EVENT_SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const EVENT_SLUG_MAX_LENGTH = 80;

export function isEventSlug(value: string): boolean {
  return value.length <= EVENT_SLUG_MAX_LENGTH && EVENT_SLUG_PATTERN.test(value);
}
