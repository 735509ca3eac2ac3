// Jest for the browser journeys (tests/e2e), run by tests/e2e/run.ts against a served build.
import { fileURLToPath } from "node:url";
import nextJest from "next/jest.js";

const root = fileURLToPath(new URL(".", import.meta.url));
const createJestConfig = nextJest({ dir: root });

export default createJestConfig({
  rootDir: root,
  testEnvironment: "node",
  testMatch: ["<rootDir>/tests/e2e/**/*.e2e.ts"],
  moduleNameMapper: { "^@/(.*)$": "<rootDir>/$1" },
  testTimeout: 120_000,
  maxWorkers: 1,
});
