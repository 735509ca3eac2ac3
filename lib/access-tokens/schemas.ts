// The create-token form's fields.
import { z } from "zod";
import { fieldErrorsOf, form, formFields } from "../forms";

export const ACCESS_TOKEN_NAME_MAX_LENGTH = 60;
/** The longest a token lives (a trigger in the database refuses more): a lost phone's token dies on its own. */
export const ACCESS_TOKEN_MAX_LIFETIME_DAYS = 365;
export const ACCESS_TOKEN_LIFETIMES = ["30", "90", "365"] as const;
export type AccessTokenLifetime = (typeof ACCESS_TOKEN_LIFETIMES)[number];

export const createAccessTokenSchema = z.object({
  name: form
    .text()
    .transform((value) => value.trim().replace(/\s+/g, " "))
    .pipe(z.string().min(1, "name_missing").max(ACCESS_TOKEN_NAME_MAX_LENGTH, "name_too_long")),
  lifetime: z.preprocess(
    (value) => (value === undefined || value === null || value === "" ? "90" : value),
    z.enum(ACCESS_TOKEN_LIFETIMES, "lifetime_invalid"),
  ),
});

export type CreateAccessTokenInput = z.infer<typeof createAccessTokenSchema>;
export type CreateAccessTokenFieldErrors = { name?: "name_missing" | "name_too_long"; lifetime?: "lifetime_invalid" };

export function parseCreateAccessTokenForm(
  formData: FormData,
): { ok: true; data: CreateAccessTokenInput } | { ok: false; fieldErrors: CreateAccessTokenFieldErrors; name: string } {
  return checkCreateAccessTokenForm(formFields(formData));
}

/** The form's fields checked; `name` as typed comes back with a refusal, to show it again. */
export function checkCreateAccessTokenForm(
  fields: Record<string, unknown>,
): { ok: true; data: CreateAccessTokenInput } | { ok: false; fieldErrors: CreateAccessTokenFieldErrors; name: string } {
  const parsed = createAccessTokenSchema.safeParse(fields);
  if (parsed.success) return { ok: true, data: parsed.data };
  const fieldErrors: CreateAccessTokenFieldErrors = fieldErrorsOf(parsed.error, (issue) =>
    issue.path[0] === "name" ? (issue.message === "name_too_long" ? "name_too_long" : "name_missing") : "lifetime_invalid",
  );
  return { ok: false, fieldErrors, name: typeof fields.name === "string" ? fields.name : "" };
}

export function lifetimeExpiry(lifetime: AccessTokenLifetime, now: Date): Date {
  const days = Math.min(Number(lifetime), ACCESS_TOKEN_MAX_LIFETIME_DAYS);
  return new Date(now.getTime() + days * 86_400_000);
}
