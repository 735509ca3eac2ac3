"use client";
// Name and language. A plain form posting to a server action, so it works without JavaScript;
// a refused post keeps what was typed.
import { failureOf } from "@/lib/action-result";
import { useActionState, useState } from "react";
import { useTranslations } from "@/components/i18n/client-text";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { inputClasses } from "@/components/ui/input";
import { updateProfileAction } from "./actions";

export function ProfileForm({
  name: savedName,
  locale: savedLocale,
  nameMaxLength,
}: {
  name: string;
  locale: "sv" | "en";
  nameMaxLength: number;
}) {
  const t = useTranslations("Profile.details");
  const [state, formAction, pending] = useActionState(updateProfileAction, null);
  const [name, setName] = useState(savedName);
  const [locale, setLocale] = useState<string>(savedLocale);
  const [answered, setAnswered] = useState(state);
  if (state !== answered) {
    setAnswered(state);
    const failed = failureOf(state);
    if (failed) {
      setName(failed.values.name);
      setLocale(failed.values.locale);
    }
  }
  const errors = failureOf(state)?.fieldErrors ?? {};

  return (
    <form action={formAction} noValidate className="flex flex-col gap-5">
      <Field
        id="profile-name"
        name="name"
        label={t("nameLabel")}
        hint={t("nameHint")}
        autoComplete="name"
        maxLength={nameMaxLength * 2}
        value={name}
        onChange={(event) => setName(event.currentTarget.value)}
        error={errors.name ? t(`errors.${errors.name}`, { max: nameMaxLength }) : null}
      />
      <Field
        id="profile-locale"
        name="locale"
        label={t("localeLabel")}
        hint={t("localeHint")}
        error={errors.locale ? t("errors.invalid") : null}
      >
        {(control) => (
          <select {...control} value={locale} onChange={(event) => setLocale(event.currentTarget.value)} className={inputClasses}>
            <option value="sv" lang="sv">
              {t("locales.sv")}
            </option>
            <option value="en" lang="en">
              {t("locales.en")}
            </option>
          </select>
        )}
      </Field>
      <Button type="submit" disabled={pending} aria-disabled={pending} className="self-start">
        {pending ? t("saving") : t("submit")}
      </Button>
    </form>
  );
}
