"use client";
// The new-token form. A plain form posting to a server action, so it works without JavaScript;
// the secret comes back in the action's answer and is shown here once, with a copy button.
import { useActionState, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { useTranslations } from "@/components/i18n/client-text";
import { FormAlert } from "@/components/auth/form-alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { inputClasses } from "@/components/ui/input";
import { ACCESS_TOKEN_LIFETIMES, ACCESS_TOKEN_NAME_MAX_LENGTH } from "@/lib/access-tokens/schemas";
import { createAccessTokenAction } from "./actions";

const lifetimeLabels = {
  "30": "form.lifetime30",
  "90": "form.lifetime90",
  "365": "form.lifetime365",
} as const;

const subscribeNothing = () => () => {};

function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribeNothing,
    () => true,
    () => false,
  );
}

function NewToken({ name, token }: { name: string; token: string }) {
  const t = useTranslations("AccessTokens");
  const hydrated = useHydrated();
  const [copied, setCopied] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(token);
      setCopied(true);
    } catch {
      // Without clipboard access (an http page, a refusal) select it for a manual copy.
      inputRef.current?.select();
    }
  }

  return (
    <FormAlert tone="success" focusKey={token}>
      <div className="flex flex-col gap-3">
        <p className="font-semibold">{t("created.heading", { name })}</p>
        <p className="font-normal">{t("created.onlyOnce")}</p>
        <label htmlFor="new-access-token" className="text-sm font-semibold">
          {t("created.tokenLabel")}
        </label>
        <div className="flex flex-col gap-2 sm:flex-row">
          <input
            ref={inputRef}
            id="new-access-token"
            readOnly
            value={token}
            onFocus={(event) => event.currentTarget.select()}
            className={`${inputClasses} font-mono text-sm`}
            spellCheck={false}
            autoComplete="off"
          />
          {hydrated ? (
            <Button variant="secondary" onClick={copy} className="shrink-0">
              {copied ? t("created.copied") : t("created.copy")}
            </Button>
          ) : null}
        </div>
        <p aria-live="polite" className="sr-only">
          {copied ? t("created.copied") : ""}
        </p>
      </div>
    </FormAlert>
  );
}

export function CreateTokenForm() {
  const t = useTranslations("AccessTokens");
  const [state, formAction, pending] = useActionState(createAccessTokenAction, null);
  const nameRef = useRef<HTMLInputElement>(null);
  const failed = state && !state.ok ? state : null;

  useEffect(() => {
    if (failed?.fieldErrors.name) nameRef.current?.focus();
  }, [failed]);

  const nameError = failed?.fieldErrors.name ? t(`errors.${failed.fieldErrors.name}`, { max: ACCESS_TOKEN_NAME_MAX_LENGTH }) : null;
  const lifetimeError = failed?.fieldErrors.lifetime ? t("errors.lifetime_invalid") : null;

  return (
    <div className="flex flex-col gap-5">
      {state?.ok ? <NewToken key={state.token} name={state.name} token={state.token} /> : null}
      {failed && (failed.error === "rate_limited" || failed.error === "too_many") ? (
        <FormAlert tone="error" focusKey={failed}>
          {t(`errors.${failed.error}`)}
        </FormAlert>
      ) : null}
      <form action={formAction} noValidate className="flex flex-col gap-5">
        <Field
          // A new key after each answer resets the kept value to what was just posted.
          key={state?.ok ? `done-${state.token}` : `name-${failed?.name ?? ""}`}
          ref={nameRef}
          id="access-token-name"
          name="name"
          label={t("form.nameLabel")}
          hint={t("form.nameHint")}
          error={nameError}
          defaultValue={state?.ok ? "" : (failed?.name ?? "")}
          maxLength={ACCESS_TOKEN_NAME_MAX_LENGTH + 20}
          autoComplete="off"
          required
        />
        <Field id="access-token-lifetime" name="lifetime" label={t("form.lifetimeLabel")} error={lifetimeError}>
          {(control) => (
            <select {...control} defaultValue="90" className={inputClasses}>
              {ACCESS_TOKEN_LIFETIMES.map((lifetime) => (
                <option key={lifetime} value={lifetime}>
                  {t(lifetimeLabels[lifetime])}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Button type="submit" disabled={pending} aria-disabled={pending} className="self-start">
          {pending ? t("form.creating") : t("form.submit")}
        </Button>
      </form>
    </div>
  );
}
