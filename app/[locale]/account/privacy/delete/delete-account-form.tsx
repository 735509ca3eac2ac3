"use client";
// The typed confirmation of an account deletion. A plain form posting to a server action, so
// it works without JavaScript; a password is never sent back, a typed address is kept.
import { useActionState, useEffect, useRef } from "react";
import { failureOf } from "@/lib/action-result";
import { useTranslations } from "@/components/i18n/client-text";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { DeletionConfirmation } from "@/lib/privacy/delete-account";
import { deleteAccountAction } from "../actions";

export function DeleteAccountForm({ method, email }: { method: DeletionConfirmation; email: string }) {
  const t = useTranslations("PrivacyDelete");
  const [state, formAction, pending] = useActionState(deleteAccountAction, null);
  const inputRef = useRef<HTMLInputElement>(null);
  const failed = failureOf(state);
  useEffect(() => {
    if (failed) inputRef.current?.focus();
  }, [failed]);

  const error =
    failed?.error === "sole_owner"
      ? t("soleOwner", { organizers: (failed.organizers ?? []).join(", ") })
      : failed?.error === "rate_limited"
        ? t("errors.rateLimited")
        : failed?.error === "mismatch"
          ? failed.method === "password"
            ? t("errors.passwordMismatch")
            : t("errors.emailMismatch", { email })
          : null;
  const typed = failed?.typed;

  return (
    <form action={formAction} noValidate className="flex flex-col gap-5">
      {method === "password" ? (
        <>
          <input type="email" autoComplete="username" value={email} readOnly hidden />
          <Field
            ref={inputRef}
            id="delete-confirmation"
            name="confirmation"
            type="password"
            label={t("passwordLabel")}
            hint={t("passwordHint")}
            error={error}
            autoComplete="current-password"
            required
          />
        </>
      ) : (
        <Field
          ref={inputRef}
          // A new key per answer, so the field shows what was typed after React resets the form.
          key={typed ?? ""}
          id="delete-confirmation"
          name="confirmation"
          type="email"
          label={t("emailLabel")}
          hint={t("emailHint", { email })}
          error={error}
          defaultValue={typed}
          autoComplete="off"
          spellCheck={false}
          required
        />
      )}
      <Button type="submit" variant="danger" size="lg" disabled={pending} aria-disabled={pending} className="self-start">
        {pending ? t("deleting") : t("submit")}
      </Button>
    </form>
  );
}
