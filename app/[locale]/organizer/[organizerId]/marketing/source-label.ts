// The words for where a marketing consent was given, shared by the page and its CSV so the two
// say the same thing. A source this version has no words for is shown as stored.
import type { getTranslations } from "next-intl/server";

type OrganizerTranslator = Awaited<ReturnType<typeof getTranslations<"Organizer">>>;

export function marketingSourceLabel(t: OrganizerTranslator, source: string): string {
  return source === "checkout" ? t("source.checkout") : source;
}
