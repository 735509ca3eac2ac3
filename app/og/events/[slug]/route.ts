// An event's link-preview picture (og:image, twitter:image): a 1200×630 PNG drawn per event.
// Public like the event page; the language of its date line comes from ?locale=en.
import { defaultLocale, isLocale } from "@/lib/i18n/locales";
import { getEventOgImageInput } from "@/lib/seo/og-event";
import { renderEventOgImage } from "@/lib/seo/og-image";

type Context = { params: Promise<{ slug: string }> };

export async function GET(request: Request, { params }: Context): Promise<Response> {
  const { slug } = await params;
  const requested = new URL(request.url).searchParams.get("locale");
  const locale = isLocale(requested) ? requested : defaultLocale;
  const input = await getEventOgImageInput(slug, locale);
  if (!input) {
    // Drafts and cancelled events are not public: the same answer as a slug that never existed.
    return new Response(null, { status: 404, headers: { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" } });
  }
  const png = await renderEventOgImage(input);
  return new Response(new Uint8Array(png), {
    headers: {
      "Content-Type": "image/png",
      "Content-Length": String(png.byteLength),
      "X-Content-Type-Options": "nosniff",
      // Drawing one costs ~0.2 s of CPU, and social sites fetch it once per share: an hour in
      // browsers and shared caches, and a stale copy for a day while a fresh one is drawn. An
      // edited title reaches previews within the hour.
      "Cache-Control": "public, max-age=3600, s-maxage=3600, stale-while-revalidate=86400",
    },
  });
}
