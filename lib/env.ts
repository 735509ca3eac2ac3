// The app's configuration: read from the environment once, validated, typed.
// Nothing else in the code base reads process.env.
import { z } from "zod";

const postgresUrl = z
  .string()
  .refine((value) => /^postgres(ql)?:\/\/.+/.test(value), {
    message: "must be a postgresql:// connection URL",
  });

const emptyAsUndefined = (value: unknown) => (value === "" ? undefined : value);

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
});

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
  })
  .transform(({ SITE_URL, ...rest }) => ({ ...rest, SITE_URL: SITE_URL ?? "http://localhost:3000" }));

export type Env = z.infer<typeof envSchema>;

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
