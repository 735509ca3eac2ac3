// /sitemap.xml: the home page, the event list and every upcoming published event, in Swedish and English.
import type { MetadataRoute } from "next";
import { connection } from "next/server";
import { eventSitemap } from "@/lib/seo/sitemap";

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  // Read per request, never at build time: a build opens no database.
  await connection();
  return eventSitemap();
}
