// Structured data for search engines, as a <script type="application/ld+json"> in the page.
import { serializeJsonLd } from "@/lib/seo/event-json-ld";

export function JsonLd({ data }: { data: unknown }) {
  // The JSON is escaped by serializeJsonLd so that no value can end the script element.
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
