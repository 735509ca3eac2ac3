// The query string of /events: what a visitor searched for, which city and which page, read
// leniently (anything odd falls back to "none" or page 1) and written back into links.

import { isSingleLineText } from "../free-text";

export type BrowseParams = {
  /** The search as typed, trimmed; null when empty. */
  query: string | null;
  city: string | null;
  page: number;
  /** Why the typed search was not used (it held control characters); null when it was. */
  queryProblem: "control_characters" | null;
};

type RawParams = Record<string, string | string[] | undefined>;

/** Longer searches are cut here; nobody types more into a search box on purpose. */
export const MAX_QUERY_LENGTH = 100;
const MAX_CITY_LENGTH = 100;

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

function text(value: string | string[] | undefined, maxLength: number): string | null {
  const trimmed = first(value).normalize("NFC").trim();
  // A control character reaches neither the database (which refuses NUL) nor the page.
  if (trimmed === "" || !isSingleLineText(trimmed)) return null;
  return Array.from(trimmed).slice(0, maxLength).join("");
}

export function parseBrowseParams(raw: RawParams): BrowseParams {
  const digits = first(raw.page).trim();
  const page = /^\d{1,9}$/.test(digits) ? Number(digits) : 0;
  return {
    query: text(raw.q, MAX_QUERY_LENGTH),
    city: text(raw.city, MAX_CITY_LENGTH),
    page: page >= 1 ? page : 1,
    queryProblem: isSingleLineText(first(raw.q)) ? null : "control_characters",
  };
}

/** The address of a list of events, leaving out what is empty or the default (page 1). */
export function browseHref({ query, city, page }: Partial<Omit<BrowseParams, "queryProblem">>): string {
  const params = new URLSearchParams();
  if (query) params.set("q", query);
  if (city) params.set("city", city);
  if (page && page > 1) params.set("page", String(page));
  const search = params.toString();
  return search ? `/events?${search}` : "/events";
}
