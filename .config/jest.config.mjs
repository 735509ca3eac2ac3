// Jest for the whole project; `npm test` runs it with --experimental-vm-modules because
// PGlite and react-email load parts of themselves with import().
import { fileURLToPath } from "node:url";
import nextJest from "next/jest.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const createJestConfig = nextJest({ dir: root });

export default createJestConfig({
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
});
