import { ConfigError, mailboxEnabled, parseEnv, testPaymentsAllowed } from "@/lib/env";

function problemsOf(source: Record<string, string | undefined>): string[] {
  try {
    parseEnv(source);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error("expected a configuration error");
}

const stripe = { STRIPE_SECRET_KEY: "sk_live_abc123", STRIPE_WEBHOOK_SECRET: "whsec_abc" };

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
      AUTH_SECRET: "x".repeat(32),
      SMTP_URL: "smtps://mailer:secret@smtp.biljett.example:465",
      SUPPORT_EMAIL: "support@biljett.example",
      ...stripe,
    });
    expect(env.DATABASE_URL).toBe("postgresql://app@db.internal:5432/biljett");
    expect(env.SITE_URL).toBe("https://biljett.example");
  });

  it("keeps emails in the mailbox only without SMTP, and in production only for the demo", () => {
    const production = { NODE_ENV: "production", SITE_URL: "http://localhost:3000", AUTH_SECRET: "x".repeat(32) };
    expect(mailboxEnabled(parseEnv({ NODE_ENV: "development" }))).toBe(true);
    expect(mailboxEnabled(parseEnv({ NODE_ENV: "development", SMTP_URL: "smtp://127.0.0.1:2525" }))).toBe(false);
    expect(mailboxEnabled(parseEnv({ ...production, DEMO_MODE: "true" }))).toBe(true);
    expect(
      mailboxEnabled(parseEnv({ ...production, ...stripe, SMTP_URL: "smtp://mail.example", SUPPORT_EMAIL: "support@biljett.example" })),
    ).toBe(false);
    expect(problemsOf({ DEMO_MODE: "yes" })[0]).toMatch(/^DEMO_MODE is malformed/);
  });

  it("has each web server send emails unless told to leave them to the worker", () => {
    expect(parseEnv({ NODE_ENV: "development" }).EMAIL_SENDER).toBe("web");
    expect(parseEnv({ NODE_ENV: "development", EMAIL_SENDER: "worker" }).EMAIL_SENDER).toBe("worker");
    expect(problemsOf({ NODE_ENV: "development", EMAIL_SENDER: "cron" })).toEqual([
      'EMAIL_SENDER is malformed: must be "web" (the web server sends) or "worker" (only npm run worker does)',
    ]);
  });

  it("lets npm run worker take a whole core unless given a smaller share of one", () => {
    expect(parseEnv({ NODE_ENV: "development" }).WORKER_CPU_SHARE).toBe(1);
    expect(parseEnv({ NODE_ENV: "development", WORKER_CPU_SHARE: "0.25" }).WORKER_CPU_SHARE).toBe(0.25);
    for (const malformed of ["0", "1.5", "half", "-0.5"])
      expect(problemsOf({ NODE_ENV: "development", WORKER_CPU_SHARE: malformed })).toEqual([
        "WORKER_CPU_SHARE is malformed: must be a number from 0.05 to 1, e.g. 0.25",
      ]);
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
    expect(problemsOf({ SITE_URL: "ftp://biljett.example" })).toEqual(["SITE_URL is malformed: must be an http:// or https:// URL"]);
    expect(problemsOf({ SITE_URL: "biljett.example" })[0]).toMatch(/^SITE_URL is malformed/);
  });

  it("names each variable production cannot do without", () => {
    const problems = problemsOf({ NODE_ENV: "production" });
    expect(problems).toHaveLength(5);
    expect(problems[0]).toMatch(/^SITE_URL is missing: required in production/);
    expect(problems[1]).toMatch(/^AUTH_SECRET is missing: required in production/);
    expect(problems[2]).toMatch(/^SMTP_URL is missing: required in production/);
    expect(problems[3]).toMatch(/^SUPPORT_EMAIL is missing: required in production/);
    expect(problems[4]).toMatch(/^STRIPE_SECRET_KEY is missing: required in production/);
  });

  it("refuses to run a production server on the test payment provider, unless it is the demo", () => {
    const production = {
      NODE_ENV: "production",
      SITE_URL: "https://biljett.example",
      AUTH_SECRET: "x".repeat(32),
      SMTP_URL: "smtp://mail.example",
      SUPPORT_EMAIL: "support@biljett.example",
    };
    // The test provider would accept 4242 4242 4242 4242 and hand out tickets for nothing.
    const problems = problemsOf(production);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^STRIPE_SECRET_KEY is missing: required in production/);
    expect(problems[0]).toMatch(/test payment provider/);
    expect(problems[0]).toMatch(/STRIPE_WEBHOOK_SECRET/);
    expect(problems[0]).toMatch(/DEMO_MODE=true/);
    expect(parseEnv({ ...production, ...stripe }).STRIPE_SECRET_KEY).toBe(stripe.STRIPE_SECRET_KEY);
    expect(testPaymentsAllowed(parseEnv({ ...production, DEMO_MODE: "true" }))).toBe(true);
    expect(testPaymentsAllowed(parseEnv({ NODE_ENV: "development" }))).toBe(true);
    expect(testPaymentsAllowed(parseEnv({ NODE_ENV: "test" }))).toBe(true);
    expect(testPaymentsAllowed(parseEnv({ ...production, ...stripe }))).toBe(false);
  });

  it("names the site's support address: required on a real site, a local one for development and the demo", () => {
    expect(parseEnv({ NODE_ENV: "development" }).SUPPORT_EMAIL).toBe("support@localhost");
    const demo = { NODE_ENV: "production", SITE_URL: "http://localhost:3000", AUTH_SECRET: "x".repeat(32), DEMO_MODE: "true" };
    expect(parseEnv(demo).SUPPORT_EMAIL).toBe("support@localhost");
    expect(parseEnv({ ...demo, SUPPORT_EMAIL: "hjalp@biljett.example" }).SUPPORT_EMAIL).toBe("hjalp@biljett.example");
    const real = { ...demo, DEMO_MODE: "false", SMTP_URL: "smtp://mail.example", ...stripe };
    expect(problemsOf(real)).toEqual([
      "SUPPORT_EMAIL is missing: required in production: the address where the site's support answers, shown in emails and on the help page (or DEMO_MODE=true)",
    ]);
    for (const malformed of ["Biljett <support@biljett.example>", "support", "a@b, c@d", "support@biljett.example\r\nBcc: x@y"]) {
      expect(problemsOf({ SUPPORT_EMAIL: malformed })[0]).toMatch(/^SUPPORT_EMAIL is malformed: must be a plain email address/);
    }
  });

  it("refuses a short secret", () => {
    expect(problemsOf({ AUTH_SECRET: "too-short" })[0]).toMatch(/^AUTH_SECRET is malformed: must be at least 32 characters/);
  });

  it("needs the webhook secret whenever Stripe is configured", () => {
    expect(problemsOf({ STRIPE_SECRET_KEY: "sk_test_abc123" })).toEqual([
      "STRIPE_WEBHOOK_SECRET is missing: required with STRIPE_SECRET_KEY: payments are confirmed only by signed webhooks",
    ]);
    expect(problemsOf({ STRIPE_SECRET_KEY: "pk_test_abc", STRIPE_WEBHOOK_SECRET: "whsec_x" })[0]).toMatch(
      /^STRIPE_SECRET_KEY is malformed/,
    );
  });

  it("names a malformed SMTP URL and sender", () => {
    expect(problemsOf({ SMTP_URL: "http://mail", MAIL_FROM: "Biljett <a@b> extra" }).map((p) => p.split(":")[0])).toEqual([
      "SMTP_URL is malformed",
      "MAIL_FROM is malformed",
    ]);
  });

  it("lists every problem at once", () => {
    const problems = problemsOf({ NODE_ENV: "staging", DATABASE_URL: "sqlite://x" });
    expect(problems.map((p) => p.split(" ")[0]).sort()).toEqual(["DATABASE_URL", "NODE_ENV"]);
    expect(() => parseEnv({ NODE_ENV: "staging" })).toThrow(/Invalid configuration:\n {2}- NODE_ENV is malformed/);
  });
});
