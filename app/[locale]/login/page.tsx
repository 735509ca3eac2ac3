import { Link } from "@/components/i18n/link";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { FlashNotice } from "@/components/ui/notice";
import { SendMyTickets } from "@/components/tickets/send-my-tickets";
import { safeReturnPath } from "@/lib/navigation/return-path";
import { signInPurpose } from "./destination";
import { LoginForm } from "./login-form";
import { queryEmail, queryValue, type PageQuery } from "./query";

type Props = { searchParams: Promise<PageQuery> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("LoginPage");
  return { title: t("title"), robots: { index: false } };
}

// Auth.js sends errors here (pages.error): an expired or used link is the one a visitor meets.
const KNOWN_ERRORS = new Set(["Verification", "CredentialsSignin"]);

export default async function LoginPage({ searchParams }: Props) {
  const query = await searchParams;
  const t = await getTranslations("LoginPage");
  const email = queryEmail(query);
  const setPassword = queryValue(query, "intent") === "set-password";
  // Only a path on this site is carried on; anything else would make this page an open redirect.
  const callbackUrl = safeReturnPath(queryValue(query, "callbackUrl"), null);
  const error = queryValue(query, "error");
  const notice =
    error === null
      ? null
      : error === "Verification"
        ? t("errors.Verification")
        : error === "CredentialsSignin"
          ? t("errors.invalid_credentials")
          : KNOWN_ERRORS.has(error)
            ? null
            : t("errors.generic");

  return (
    <div className="mx-auto flex w-full max-w-md flex-col gap-6 px-4 py-6 sm:px-6 sm:py-10">
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-extrabold tracking-tight text-zinc-950">{t("heading")}</h1>
        <p className="text-zinc-700">{t("intro")}</p>
      </div>
      {/* Signing out comes here with ?notice=signed-out: the pages before are the same for everybody. */}
      <FlashNotice value={query.notice} messages={{ "signed-out": t("signedOut") }} />
      {signInPurpose(callbackUrl) === "like" ? (
        <p className="rounded-xl border border-indigo-200 bg-indigo-50 p-4 text-zinc-900">{t("likeReason")}</p>
      ) : null}
      {setPassword ? (
        <p className="rounded-xl border border-indigo-200 bg-indigo-50 p-4 text-zinc-900">
          {email ? t("setPasswordIntro", { email }) : t("setPasswordIntroNoEmail")}
        </p>
      ) : null}
      <Card className="p-4 sm:p-6">
        <LoginForm initialEmail={email} callbackUrl={callbackUrl} notice={notice} />
      </Card>
      <p className="text-sm text-zinc-700">
        {t.rich("helpLine", {
          help: (chunks) => (
            <Link href="/help" className="font-medium text-indigo-800 underline underline-offset-2">
              {chunks}
            </Link>
          ),
        })}
      </p>
      <Card className="p-4 sm:p-6">
        <SendMyTickets id="send-my-tickets" />
      </Card>
    </div>
  );
}
