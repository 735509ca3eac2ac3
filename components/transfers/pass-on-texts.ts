// The pass-on form's words, translated on the server for the client form (no message catalogue
// goes to the browser for it).
import { getTranslations } from "next-intl/server";
import type { PassOnFormTexts } from "./pass-on-form";

const ERRORS = [
  "name_required",
  "name_too_long",
  "name_control_characters",
  "email_empty",
  "email_not_plain",
  "email_invalid",
  "email_too_long",
  "email_same_holder",
  "not_allowed",
  "closed",
  "checked_in",
  "not_valid",
  "rate_limited",
  "changed",
] as const;

export async function passOnFormTexts(): Promise<PassOnFormTexts> {
  const t = await getTranslations("Transfers");
  return {
    ticketLabel: t("ticketLabel"),
    nameLabel: t("nameLabel"),
    emailLabel: t("emailLabel"),
    emailHint: t("emailHint"),
    submit: t("submit"),
    sending: t("sending"),
    // The names go in on the client, once known; next-intl would want them now.
    sent: t.raw("sent") as string,
    errors: Object.fromEntries(ERRORS.map((code) => [code, t(`errors.${code}`)])),
  };
}
