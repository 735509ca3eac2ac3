// Reading the sign-in pages' query: one string per name, and an email only when it parses.
import { parseEmail } from "@/lib/accounts/email-address";

export type PageQuery = Record<string, string | string[] | undefined>;

export function queryValue(query: PageQuery, name: string): string | null {
  const raw = query[name];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return typeof value === "string" ? value : null;
}

/** A prefilled address: kept only when it is a plain address, so nothing odd lands in a field. */
export function queryEmail(query: PageQuery): string {
  const parsed = parseEmail(queryValue(query, "email") ?? "");
  return parsed.ok ? parsed.email : "";
}
