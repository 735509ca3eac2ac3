import { fileURLToPath } from "node:url";
import type { NextConfig } from "next";
import { PHASE_DEVELOPMENT_SERVER, PHASE_PRODUCTION_SERVER } from "next/constants";
import createNextIntlPlugin from "next-intl/plugin";
import { env } from "./lib/env";
import { AVAILABILITY_REVALIDATE_S } from "./lib/cache/tags";
import { SERVER_ACTION_BODY_LIMIT } from "./lib/security/request-guard";

/** Next's cache in Redis, shared by every app server (lib/cache/redis-handler.mjs). */
const redisCacheHandler = fileURLToPath(new URL("./lib/cache/redis-handler.mjs", import.meta.url));

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

export default function config(phase: string): NextConfig {
  // Validate the configuration when a server starts, so a bad variable stops it at once
  // with a message naming it (a build needs no runtime configuration).
  const serving = phase === PHASE_PRODUCTION_SERVER || phase === PHASE_DEVELOPMENT_SERVER;
  if (serving) env();
  // With REDIS_URL a production server keeps Next's cache (pages, cached reads, tags) in Redis,
  // shared with the other servers, and none in its own memory, which an edit made on another
  // server would not reach. Decided when the server starts: one build runs either way.
  const sharedCache: NextConfig =
    phase === PHASE_PRODUCTION_SERVER && env().REDIS_URL ? { cacheHandler: redisCacheHandler, cacheMaxMemorySize: 0 } : {};

  return withNextIntl({
    ...sharedCache,
    // PGlite ships WebAssembly and data files that must be loaded from node_modules; so does
    // @touch4it/ical-timezones (its zones/*.ics, read beside its own __dirname).
    serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@touch4it/ical-timezones"],
    poweredByHeader: false,
    // A cached public page may be served to browsers only as long as the server would serve it
    // without a new render: Next's default says "stale-while-revalidate" for a year, and
    // Chromium honours that, showing a page seen earlier (an event since cancelled or sold out)
    // once before it fetches the new one. With no such allowance the browser asks every time
    // (a 304 when nothing changed), and the server renders a page again, waiting for it, once
    // it is this old; nginx's few seconds of cache (deploy/nginx.conf) go by their own rule.
    expireTime: AVAILABILITY_REVALIDATE_S,
    experimental: {
      // Profile pictures may be up to 5 MB (lib/uploads checks); a body a little larger still
      // reaches the action and gets the message next to the field, and a larger one is refused
      // by proxy.ts with a page saying the picture is too big (lib/security/request-guard.ts).
      serverActions: { bodySizeLimit: SERVER_ACTION_BODY_LIMIT },
      // proxy.ts makes Next copy request bodies for it up to this size and cut the rest
      // silently: it must let a server action's whole body through, and no more, since every
      // oversized body costs the server this much memory twice before the proxy refuses it.
      proxyClientMaxBodySize: SERVER_ACTION_BODY_LIMIT,
    },
    async headers() {
      return [
        {
          source: "/:path*",
          headers: [
            { key: "X-Content-Type-Options", value: "nosniff" },
            { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
            { key: "X-Frame-Options", value: "DENY" },
            // The camera is for the organizers' ticket scanner; nothing else is needed.
            { key: "Permissions-Policy", value: "camera=(self), microphone=(), geolocation=(), payment=()" },
          ],
        },
        {
          // A service worker must be fetched fresh, or a fixed one would take days to reach phones.
          source: "/sw.js",
          headers: [{ key: "Cache-Control", value: "no-cache, no-store, must-revalidate" }],
        },
      ];
    },
  });
}
