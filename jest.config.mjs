// Jest for the whole project; `npm test` runs it with --experimental-vm-modules because
// PGlite and react-email load parts of themselves with import().
import { fileURLToPath } from "node:url";
import nextJest from "next/jest.js";

const root = fileURLToPath(new URL(".", import.meta.url));
const createJestConfig = nextJest({ dir: root });

const base = createJestConfig({
  rootDir: root,
  testEnvironment: "node",
  testMatch: ["<rootDir>/tests/**/*.test.ts", "<rootDir>/tests/**/*.test.tsx"],
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/tests/e2e/"],
  moduleNameMapper: {
    "^@/(.*)$": "<rootDir>/$1",
    // `server-only` throws outside React's server build; tests call server code directly.
    "^server-only$": "<rootDir>/tests/helpers/server-only.ts",
  },
  testTimeout: 60_000,
  // The migrated schema every test file starts from, made once (and on PostgreSQL the run's
  // databases dropped at the end).
  globalSetup: "<rootDir>/tests/helpers/jest-global-setup.ts",
  globalTeardown: "<rootDir>/tests/helpers/jest-global-teardown.ts",
});

// next-intl and the libraries under it ship only ES modules; in a "type": "module" project
// next/jest's SWC transform would keep them as such, so compile them to CommonJS for Jest.
const esmOnly = "next-intl|use-intl|intl-messageformat|icu-minify|@formatjs|@auth/prisma-adapter|jose";

async function jestConfig() {
  const config = await base();
  const [transformer, options] = config.transform["^.+\\.(js|jsx|ts|tsx|mjs)$"];
  config.transform = {
    [`/node_modules/(${esmOnly})/.+\\.js$`]: [transformer, { ...options, isEsmProject: false }],
    ...config.transform,
  };
  config.transformIgnorePatterns = [`/node_modules/(?!(${esmOnly})/)`, "^.+\\.module\\.(css|sass|scss)$"];
  return config;
}

export default jestConfig;
