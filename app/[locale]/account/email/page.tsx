import type { Metadata } from "next";
import { Link } from "@/components/i18n/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { EMAIL_CHANGE_LIFETIME_MINUTES, emailChangeProof } from "@/lib/accounts/email-change";
import { getAccountOverview } from "@/lib/accounts/queries";
import { RECENT_SIGN_IN_MINUTES } from "@/lib/accounts/recent-sign-in";
import { currentSessionToken, requireUser } from "@/lib/guards";
import { EmailChangeForm } from "./email-change-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("EmailChange");
  return { title: t("title"), robots: { index: false } };
}

/** Asks for a new address; the change happens only from the link sent there. */
export default async function EmailChangePage() {
  const user = await requireUser("/account/email");
  const sessionToken = await currentSessionToken();
  const [t, overview, proof] = await Promise.all([
    getTranslations("EmailChange"),
    getAccountOverview(user.id),
    emailChangeProof({ userId: user.id, sessionToken }),
  ]);
  const email = overview?.email ?? user.email;
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-6 px-4 py-6 sm:px-6 sm:py-10">
      <div className="flex flex-col gap-2">
        <Link
          href="/account/profile"
          className="self-start font-semibold text-indigo-800 underline underline-offset-4 hover:text-indigo-950"
        >
          {t("backToProfile")}
        </Link>
        <h1 className="text-3xl font-extrabold tracking-tight text-zinc-950">{t("heading")}</h1>
        <p className="break-words text-zinc-700">{t("intro", { email, minutes: EMAIL_CHANGE_LIFETIME_MINUTES })}</p>
      </div>
      <Card as="section" aria-label={t("title")} className="p-4 sm:p-6">
        <EmailChangeForm
          currentEmail={email}
          proof={proof}
          minutes={EMAIL_CHANGE_LIFETIME_MINUTES}
          recentMinutes={RECENT_SIGN_IN_MINUTES}
        />
      </Card>
    </div>
  );
}
