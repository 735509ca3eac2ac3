import { ConfigError, parseEnv } from "@/lib/env";

function problemsOf(source: Record<string, string | undefined>): string[] {
  try {
    parseEnv(source);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error("expected a configuration error");
}

describe("parseEnv", () => {
  it("defaults to the embedded database and localhost outside production", () => {
    const env = parseEnv({ NODE_ENV: "development" });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PGLITE_DIR).toBe(".data/pglite");
    expect(env.SITE_URL).toBe("http://localhost:3000");
  });

  it("takes a PostgreSQL URL and a site URL, without its trailing slash", () => {
    const env = parseEnv({
      NODE_ENV: "production",
      DATABASE_URL: "postgresql://app@db.internal:5432/biljett",
      SITE_URL: "https://biljett.example/",
    });
    expect(env.DATABASE_URL).toBe("postgresql://app@db.internal:5432/biljett");
    expect(env.SITE_URL).toBe("https://biljett.example");
  });

  it("treats an empty variable as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", SITE_URL: "" }).DATABASE_URL).toBeUndefined();
  });

  it("names a malformed database URL", () => {
    expect(problemsOf({ DATABASE_URL: "mysql://root@localhost/app" })).toEqual([
      "DATABASE_URL is malformed: must be a postgresql:// connection URL",
    ]);
  });

  it("names a malformed site URL", () => {
    expect(problemsOf({ SITE_URL: "ftp://biljett.example" })).toEqual([
      "SITE_URL is malformed: must be an http:// or https:// URL",
    ]);
    expect(problemsOf({ SITE_URL: "biljett.example" })[0]).toMatch(/^SITE_URL is malformed/);
  });

  it("names a variable production cannot do without", () => {
    const problems = problemsOf({ NODE_ENV: "production" });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^SITE_URL is missing: required in production/);
  });

  it("lists every problem at once", () => {
    const problems = problemsOf({ NODE_ENV: "staging", DATABASE_URL: "sqlite://x" });
    expect(problems.map((p) => p.split(" ")[0]).sort()).toEqual(["DATABASE_URL", "NODE_ENV"]);
    expect(() => parseEnv({ NODE_ENV: "staging" })).toThrow(/Invalid configuration:\n {2}- NODE_ENV is malformed/);
  });
});
