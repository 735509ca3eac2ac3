// The app's configuration: read from the environment once, validated, typed.
// Nothing else in the code base reads process.env.
import { z } from "zod";

const postgresUrl = z.string().refine((value) => /^postgres(ql)?:\/\/.+/.test(value), {
  message: "must be a postgresql:// connection URL",
});

const emptyAsUndefined = (value: unknown) => (value === "" ? undefined : value);

/**
 * A PEM block in one variable. Many hosts keep a variable on one line, so "\n" written as two
 * characters is read as a line break.
 */
function pem(label: "CERTIFICATE" | "PRIVATE KEY", what: string) {
  const block =
    label === "CERTIFICATE"
      ? /-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----/
      : /-----BEGIN (RSA |ENCRYPTED )?PRIVATE KEY-----[\s\S]+-----END (RSA |ENCRYPTED )?PRIVATE KEY-----/;
  return z
    .string()
    .transform((value) => value.replace(/\\n/g, "\n").trim())
    .refine((value) => block.test(value), { message: `must be ${what} in PEM form (-----BEGIN ${label}-----…)` });
}

const SHARE_MESSAGE = "must be a number from 0.05 to 1, e.g. 0.25";

const variables = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.preprocess(emptyAsUndefined, postgresUrl.optional()),
  PGLITE_DIR: z.preprocess(emptyAsUndefined, z.string().default(".data/pglite")),
  SITE_URL: z.preprocess(
    emptyAsUndefined,
    z
      .url({ protocol: /^https?$/, message: "must be an http:// or https:// URL" })
      .transform((value) => value.replace(/\/+$/, ""))
      .optional(),
  ),
  SMTP_URL: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .refine((value) => /^smtps?:\/\/.+/.test(value), { message: "must be an smtp:// or smtps:// URL" })
      .optional(),
  ),
  MAIL_FROM: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .refine((value) => /^[^<>@\r\n]*<[^<>@\s]+@[^<>@\s]+>$|^[^<>@\s]+@[^<>@\s]+$/.test(value), {
        message: 'must be an address, optionally with a name: "Biljett <biljetter@example.se>"',
      })
      .default("Biljett <biljetter@localhost>"),
  ),
  // Where the site's own support answers (accounts, sign-in, payments); every account email and
  // the help page name it. A plain address: it is shown as text and as a mailto: link.
  SUPPORT_EMAIL: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .refine((value) => /^[^<>@\s"(),;:\\]+@[^<>@\s"(),;:\\]+$/.test(value), {
        message: "must be a plain email address, e.g. support@biljett.example",
      })
      .optional(),
  ),
  DEMO_MODE: z.preprocess(
    emptyAsUndefined,
    z
      .enum(["1", "true", "0", "false"], { message: 'must be "true" or "false"' })
      .default("false")
      .transform((value) => value === "1" || value === "true"),
  ),
  // Who delivers the outbox: each web server itself, at a quarter of a core (the default, for the
  // demo and a single server), or only `npm run worker` (a deployment that runs the worker on its
  // own process or machine, so that the web servers' cores go to buyers).
  EMAIL_SENDER: z.preprocess(
    emptyAsUndefined,
    z.enum(["web", "worker"], { message: 'must be "web" (the web server sends) or "worker" (only npm run worker does)' }).default("web"),
  ),
  // The share of one core `npm run worker` may spend rendering and sending (0.05–1): after each
  // email it rests in proportion to the time that email took. 1 on a machine of its own; lower
  // where it shares the cores with a web server or the database, so a rush's checkouts come first.
  WORKER_CPU_SHARE: z.preprocess(
    emptyAsUndefined,
    z.coerce.number({ message: SHARE_MESSAGE }).min(0.05, { message: SHARE_MESSAGE }).max(1, { message: SHARE_MESSAGE }).default(1),
  ),
  AUTH_SECRET: z.preprocess(
    emptyAsUndefined,
    z.string().min(32, { message: "must be at least 32 characters (e.g. `openssl rand -base64 33`)" }).optional(),
  ),
  CLIENT_IP_HEADER: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^[A-Za-z0-9-]+$/, { message: "must be a header name, e.g. x-real-ip" })
      .transform((value) => value.toLowerCase())
      .default("x-real-ip"),
  ),
  REDIS_URL: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .refine((value) => /^rediss?:\/\/.+/.test(value), { message: "must be a redis:// or rediss:// URL" })
      .optional(),
  ),
  REVALIDATE_URLS: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .transform((value) =>
        value
          .split(",")
          .map((url) => url.trim().replace(/\/+$/, ""))
          .filter(Boolean),
      )
      .refine((urls) => urls.length > 0 && urls.every((url) => /^https?:\/\/[^/\s]+$/.test(url)), {
        message: "must be app server addresses separated by commas, e.g. http://10.0.0.5:3000,http://10.0.0.6:3000",
      })
      .optional(),
  ),
  STRIPE_SECRET_KEY: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .refine((value) => /^(sk|rk)_(test|live)_[A-Za-z0-9]+$/.test(value), {
        message: "must be a Stripe secret key (sk_test_… or sk_live_…)",
      })
      .optional(),
  ),
  STRIPE_WEBHOOK_SECRET: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .refine((value) => value.startsWith("whsec_"), { message: "must be a Stripe webhook signing secret (whsec_…)" })
      .optional(),
  ),
  // Apple Wallet passes (lib/wallet/apple-pass.ts): all of them or none; without them no pass is offered.
  APPLE_PASS_TYPE_ID: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^pass\.[A-Za-z0-9.-]+$/, { message: "must be a pass type identifier, e.g. pass.se.biljett.ticket" })
      .optional(),
  ),
  APPLE_PASS_TEAM_ID: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^[A-Z0-9]{10}$/, { message: "must be the 10-character Apple team identifier" })
      .optional(),
  ),
  APPLE_PASS_CERT: z.preprocess(emptyAsUndefined, pem("CERTIFICATE", "the pass type certificate").optional()),
  APPLE_PASS_KEY: z.preprocess(emptyAsUndefined, pem("PRIVATE KEY", "the pass type certificate's RSA private key").optional()),
  APPLE_PASS_KEY_PASSPHRASE: z.preprocess(emptyAsUndefined, z.string().optional()),
  APPLE_WWDR_CERT: z.preprocess(emptyAsUndefined, pem("CERTIFICATE", "Apple's WWDR intermediate certificate").optional()),
  // Google Wallet (lib/wallet/google-pass.ts): all of them or none; without them no link is offered.
  GOOGLE_WALLET_ISSUER_ID: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^\d{5,25}$/, { message: "must be the numeric issuer id from the Google Pay & Wallet Console" })
      .optional(),
  ),
  GOOGLE_WALLET_SERVICE_ACCOUNT_EMAIL: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^[^@\s]+@[^@\s]+\.iam\.gserviceaccount\.com$/, {
        message: "must be a service account address, e.g. wallet@project.iam.gserviceaccount.com",
      })
      .optional(),
  ),
  GOOGLE_WALLET_PRIVATE_KEY: z.preprocess(emptyAsUndefined, pem("PRIVATE KEY", "the service account's RSA private key").optional()),
});

/** Settings that come as groups: either every one of them is set, or none. */
const allOrNone: Record<string, readonly (keyof z.infer<typeof variables>)[]> = {
  "Apple Wallet": ["APPLE_PASS_TYPE_ID", "APPLE_PASS_TEAM_ID", "APPLE_PASS_CERT", "APPLE_PASS_KEY", "APPLE_WWDR_CERT"],
  "Google Wallet": ["GOOGLE_WALLET_ISSUER_ID", "GOOGLE_WALLET_SERVICE_ACCOUNT_EMAIL", "GOOGLE_WALLET_PRIVATE_KEY"],
};

/** Every variable the app reads, by name (README's configuration table lists each). */
export const configurationVariables = Object.keys(variables.shape);

export const envSchema = variables
  .superRefine((value, ctx) => {
    // Links in emails are built from SITE_URL, never from a request's Host header, so a
    // production server must be told its address.
    if (value.NODE_ENV === "production" && !value.SITE_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["SITE_URL"],
        message: "required in production: the public address of the site, e.g. https://biljett.example",
      });
    }
    if (value.NODE_ENV === "production" && !value.AUTH_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["AUTH_SECRET"],
        message: "required in production: a random secret of at least 32 characters that signs sessions and links",
      });
    }
    if (value.NODE_ENV === "production" && !value.DEMO_MODE && !value.SMTP_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["SMTP_URL"],
        message: "required in production: the SMTP server that delivers the site's emails (or DEMO_MODE=true)",
      });
    }
    // Every account email sends people to this address: a real site must name one that is read.
    if (value.NODE_ENV === "production" && !value.DEMO_MODE && !value.SUPPORT_EMAIL) {
      ctx.addIssue({
        code: "custom",
        path: ["SUPPORT_EMAIL"],
        message:
          "required in production: the address where the site's support answers, shown in emails and on the help page (or DEMO_MODE=true)",
      });
    }
    // The test provider accepts the documented test cards, so a real site on it would hand out
    // tickets for nothing. Only the demo may run a production build without a real provider.
    if (!testPaymentsAllowed(value) && !value.STRIPE_SECRET_KEY) {
      ctx.addIssue({
        code: "custom",
        path: ["STRIPE_SECRET_KEY"],
        message:
          "required in production: without it payments go to the test payment provider, which accepts test cards and takes no money. " +
          "Set STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET, or DEMO_MODE=true for a demonstration site",
      });
    }
    for (const [feature, names] of Object.entries(allOrNone)) {
      const missing = names.filter((name) => value[name] === undefined);
      if (missing.length > 0 && missing.length < names.length) {
        for (const name of missing) {
          ctx.addIssue({
            code: "custom",
            path: [name],
            message: `required with the other ${feature} settings (${names.join(", ")}): set them all, or none`,
          });
        }
      }
    }
    if (value.STRIPE_SECRET_KEY && !value.STRIPE_WEBHOOK_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["STRIPE_WEBHOOK_SECRET"],
        message: "required with STRIPE_SECRET_KEY: payments are confirmed only by signed webhooks",
      });
    }
  })
  .transform(({ SITE_URL, AUTH_SECRET, SUPPORT_EMAIL, ...rest }) => ({
    ...rest,
    // Development, tests and the demo: an address on this machine, like MAIL_FROM's default.
    SUPPORT_EMAIL: SUPPORT_EMAIL ?? "support@localhost",
    SITE_URL: SITE_URL ?? "http://localhost:3000",
    // Outside production a fixed secret keeps development and tests free of set-up; production
    // refuses to start without its own (above).
    AUTH_SECRET: AUTH_SECRET ?? "development-only-secret-never-used-in-production",
  }));

export type Env = z.infer<typeof envSchema>;

/**
 * Whether emails stay in the outbox for /dev/mailbox instead of going out: never when an SMTP
 * server is configured, and in production only for the demo, since the mailbox shows every
 * email (sign-in links included) to whoever opens it.
 */
export function mailboxEnabled(config: Env = env()): boolean {
  return !config.SMTP_URL && (config.NODE_ENV !== "production" || config.DEMO_MODE);
}

export type AppleWalletConfig = {
  passTypeId: string;
  teamId: string;
  signerCert: string;
  signerKey: string;
  signerKeyPassphrase?: string;
  wwdrCert: string;
};

/** The Apple Wallet settings, or null when the site offers no Apple Wallet passes. */
export function appleWalletConfig(config: Env = env()): AppleWalletConfig | null {
  const { APPLE_PASS_TYPE_ID, APPLE_PASS_TEAM_ID, APPLE_PASS_CERT, APPLE_PASS_KEY, APPLE_PASS_KEY_PASSPHRASE, APPLE_WWDR_CERT } = config;
  if (!APPLE_PASS_TYPE_ID || !APPLE_PASS_TEAM_ID || !APPLE_PASS_CERT || !APPLE_PASS_KEY || !APPLE_WWDR_CERT) return null;
  return {
    passTypeId: APPLE_PASS_TYPE_ID,
    teamId: APPLE_PASS_TEAM_ID,
    signerCert: APPLE_PASS_CERT,
    signerKey: APPLE_PASS_KEY,
    ...(APPLE_PASS_KEY_PASSPHRASE ? { signerKeyPassphrase: APPLE_PASS_KEY_PASSPHRASE } : {}),
    wwdrCert: APPLE_WWDR_CERT,
  };
}

export type GoogleWalletConfig = { issuerId: string; serviceAccountEmail: string; privateKey: string };

/** The Google Wallet settings, or null when the site offers no "Save to Google Wallet" links. */
export function googleWalletConfig(config: Env = env()): GoogleWalletConfig | null {
  const { GOOGLE_WALLET_ISSUER_ID, GOOGLE_WALLET_SERVICE_ACCOUNT_EMAIL, GOOGLE_WALLET_PRIVATE_KEY } = config;
  if (!GOOGLE_WALLET_ISSUER_ID || !GOOGLE_WALLET_SERVICE_ACCOUNT_EMAIL || !GOOGLE_WALLET_PRIVATE_KEY) return null;
  return {
    issuerId: GOOGLE_WALLET_ISSUER_ID,
    serviceAccountEmail: GOOGLE_WALLET_SERVICE_ACCOUNT_EMAIL,
    privateKey: GOOGLE_WALLET_PRIVATE_KEY,
  };
}

/**
 * Whether the test payment provider (the documented test cards, no money) may take payments:
 * outside production, and in production only for the demo. Stripe wins whenever it is set.
 */
export function testPaymentsAllowed(config: Pick<Env, "NODE_ENV" | "DEMO_MODE">): boolean {
  return config.NODE_ENV !== "production" || config.DEMO_MODE;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Validates a set of variables; throws a ConfigError naming each bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.join(".") || "(environment)";
    const received = source[name];
    const what = received === undefined || received === "" ? "is missing" : "is malformed";
    return `${name} ${what}: ${issue.message}`;
  });
  throw new ConfigError(problems);
}

let cached: Env | undefined;

/** The validated configuration of this process, parsed on first use. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** True while `next build` runs (it may render pages, which must not start background work). */
export function isBuildPhase(): boolean {
  return process.env.NEXT_PHASE === "phase-production-build";
}
