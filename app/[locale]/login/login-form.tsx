"use client";
// The sign-in form: a plain form posting to a server action, so it works without JavaScript.
// "Sign in" checks the password; "email me a link" posts the same form with intent=link.
import { Link } from "@/components/i18n/link";
import { useActionState, useEffect, useState } from "react";
import { failureOf } from "@/lib/action-result";
import { useHydrated } from "@/components/likes/use-hydrated";
import { useTranslations } from "@/components/i18n/client-text";
import { FormAlert } from "@/components/auth/form-alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { signInAction } from "./actions";

const linkClasses = "font-semibold text-indigo-800 underline underline-offset-4 hover:text-indigo-950";

export function LoginForm({
  initialEmail,
  callbackUrl,
  notice,
}: {
  initialEmail: string;
  callbackUrl: string | null;
  /** A message from the page's query (an expired link), shown until the first post. */
  notice: string | null;
}) {
  const t = useTranslations("LoginPage");
  const [state, formAction, pending] = useActionState(signInAction, null);
  const failed = failureOf(state);
  const hydrated = useHydrated();
  const [email, setEmail] = useState(failed?.email ?? initialEmail);
  const [answered, setAnswered] = useState(failed);
  if (failed !== answered) {
    setAnswered(failed);
    if (failed) setEmail(failed.email);
  }
  // Signed in, with a way back that is a route rather than a page (saving a like): the browser
  // goes there itself, so the address bar ends on the page the route leads to.
  const leaving = state?.ok ? state.location : null;
  useEffect(() => {
    if (leaving) window.location.assign(leaving);
  }, [leaving]);

  const fieldErrors = failed?.fieldErrors ?? {};
  const formError = failed && !fieldErrors.email && !fieldErrors.password ? t(`errors.${failed.error}`) : null;
  const fieldError = (field: "email" | "password") => {
    const code = fieldErrors[field];
    return code ? t(`errors.${code}`) : null;
  };
  const forgotHref = email.trim() ? `/login/forgot?${new URLSearchParams({ email: email.trim() }).toString()}` : "/login/forgot";
  const message = formError ?? (state ? null : notice);

  return (
    <form action={formAction} noValidate aria-describedby={message ? "login-alert" : undefined} className="flex flex-col gap-5">
      {message ? (
        <FormAlert id="login-alert" tone="error" focusKey={state}>
          {message}
        </FormAlert>
      ) : null}
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <input type="hidden" name="navigate" value={hydrated ? "document" : ""} />
      <Field
        id="login-email"
        name="email"
        type="email"
        inputMode="email"
        label={t("email")}
        autoComplete="email"
        autoCapitalize="none"
        spellCheck={false}
        required
        value={email}
        onChange={(event) => setEmail(event.currentTarget.value)}
        error={fieldError("email")}
      />
      <div className="flex flex-col gap-2">
        <Field
          id="login-password"
          name="password"
          type="password"
          label={t("password")}
          autoComplete="current-password"
          error={fieldError("password")}
        />
        {/* Without JavaScript the link carries the email the page was opened with. */}
        <Link href={forgotHref} className={`${linkClasses} self-start text-sm`}>
          {t("forgot")}
        </Link>
      </div>
      <Button type="submit" name="intent" value="password" size="lg" fullWidth disabled={pending || leaving !== null}>
        {pending || leaving ? t("submitPending") : t("submit")}
      </Button>
      <p role="status" className="sr-only">
        {pending || leaving ? t("submitPending") : ""}
      </p>
      <div className="flex flex-col gap-2 border-t border-zinc-200 pt-5">
        <p className="text-sm text-zinc-700">{t("linkHint")}</p>
        <Button type="submit" name="intent" value="link" variant="secondary" fullWidth disabled={pending}>
          {t("submitLink")}
        </Button>
      </div>
    </form>
  );
}
