// ESLint for the whole project: Next.js's rules (Core Web Vitals, TypeScript) and ours.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    "node_modules/**",
    "lib/db/generated/**",
    "next-env.d.ts",
    ".data/**",
    "coverage/**",
    "test-results/**",
    "playwright-report/**",
  ]),
  {
    settings: { next: { rootDir: "." } },
    rules: {
      // Leaving out a field by destructuring it away is how an object loses a secret or a prop.
      "@typescript-eslint/no-unused-vars": ["warn", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true }],
      // Only lib/ talks to the database; pages and components go through lib/<domain>.
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["**/lib/db/generated/*"], message: "Import types from lib/db, not the generated client." }] },
      ],
    },
  },
  {
    files: ["app/**", "components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "@/lib/db/client", message: "Pages and components read through lib/<domain>/queries.ts." },
            { name: "next/link", message: "Link from @/components/i18n/link keeps the reader's language in the address." },
          ],
        },
      ],
    },
  },
  {
    files: ["components/i18n/link.tsx"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    // Test helpers such as useTestDatabase() register Jest hooks, not React hooks.
    files: ["tests/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    // Configuration is read in one place, lib/env.ts.
    files: ["app/**", "components/**", "lib/**", "emails/**"],
    ignores: ["lib/env.ts"],
    rules: { "no-restricted-properties": ["error", { object: "process", property: "env", message: "Use env() from lib/env.ts." }] },
  },
]);
