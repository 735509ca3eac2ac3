"use client";
// The button that uses the confirmation link: a POST, so a mail scanner's GET changes nothing.
import { useActionState } from "react";
import { failureOf } from "@/lib/action-result";
import { useTranslations } from "@/components/i18n/client-text";
import { FormAlert } from "@/components/auth/form-alert";
import { Button } from "@/components/ui/button";
import { confirmEmailChangeAction } from "../actions";

export function ConfirmEmailForm({ token, newEmail }: { token: string; newEmail: string }) {
  const t = useTranslations("EmailChange.confirm");
  const [state, formAction, pending] = useActionState(confirmEmailChangeAction, null);
  const failed = failureOf(state);
  if (failed) {
    return (
      <div className="flex flex-col gap-4">
        <FormAlert tone="error" focusKey={failed}>
          {failed.error === "address_unavailable" ? t("unavailable") : t("invalid")}
        </FormAlert>
        <Button href="/account/email" variant="secondary" className="self-start">
          {t("requestNew")}
        </Button>
      </div>
    );
  }
  return (
    <form action={formAction} className="flex flex-col gap-4">
      <input type="hidden" name="token" value={token} />
      <p className="break-words text-zinc-900">{t("body", { email: newEmail })}</p>
      <Button type="submit" size="lg" disabled={pending} aria-disabled={pending} className="self-start">
        {pending ? t("confirming") : t("submit")}
      </Button>
    </form>
  );
}
