import type { NextConfig } from "next";
import { PHASE_DEVELOPMENT_SERVER, PHASE_PRODUCTION_SERVER } from "next/constants";
import createNextIntlPlugin from "next-intl/plugin";
import { env } from "./lib/env";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

export default function config(phase: string): NextConfig {
  // Validate the configuration when a server starts, so a bad variable stops it at once
  // with a message naming it (a build needs no runtime configuration).
  if (phase === PHASE_PRODUCTION_SERVER || phase === PHASE_DEVELOPMENT_SERVER) env();

  return withNextIntl({
    typescript: { tsconfigPath: ".config/tsconfig.json" },
    // PGlite ships WebAssembly and data files that must be loaded from node_modules.
    serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter"],
    poweredByHeader: false,
  });
}
