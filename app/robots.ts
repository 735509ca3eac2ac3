// /robots.txt, with the sitemap's absolute address from SITE_URL.
import type { MetadataRoute } from "next";
import { connection } from "next/server";
import { buildRobots } from "@/lib/seo/robots";

export default async function robots(): Promise<MetadataRoute.Robots> {
  // SITE_URL is the running server's, not the build machine's.
  await connection();
  return buildRobots();
}
