// An event's link-preview picture (og:image, twitter:image): a 1200×630 PNG drawn per event.
// Public like the event page; the language of its date line comes from ?locale=en, and
// ?format=16x9|4x3|1x1 gives the taller shapes Google's event results ask for.
import { asLocale } from "@/lib/i18n/locales";
import { getEventOgImageInput } from "@/lib/seo/og-event";
import { renderEventOgImage } from "@/lib/seo/og-image";
import { cachedOgImage, ogImageEtag } from "@/lib/seo/og-image-cache";
import { isOgImageFormat } from "@/lib/seo/site-urls";

type Context = { params: Promise<{ slug: string }> };

function notFound(): Response {
  return new Response(null, { status: 404, headers: { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" } });
}

export async function GET(request: Request, { params }: Context): Promise<Response> {
  const { slug } = await params;
  const query = new URL(request.url).searchParams;
  const requested = query.get("locale");
  const locale = asLocale(requested);
  const format = query.get("format") ?? "og";
  if (!isOgImageFormat(format)) return notFound();
  const input = await getEventOgImageInput(slug, locale);
  // Drafts and cancelled events are not public: the same answer as a slug that never existed.
  if (!input) return notFound();

  const key = [slug, locale, format, input.version].join("|");
  const headers = {
    "Content-Type": "image/png",
    "X-Content-Type-Options": "nosniff",
    ETag: ogImageEtag(key),
    // Social sites fetch the picture once per share: an hour in browsers and shared caches, and
    // a stale copy for a day while a fresh one is drawn. An edited title reaches previews
    // within the hour; a crawler that asks again with the ETag gets a 304 until then.
    "Cache-Control": "public, max-age=3600, s-maxage=3600, stale-while-revalidate=86400",
  };
  const known = (request.headers.get("if-none-match") ?? "").split(",").map((tag) => tag.trim().replace(/^W\//, ""));
  if (known.includes(headers.ETag)) return new Response(null, { status: 304, headers });
  const png = await cachedOgImage(key, () => renderEventOgImage(input, format));
  return new Response(new Uint8Array(png), { headers: { ...headers, "Content-Length": String(png.byteLength) } });
}
