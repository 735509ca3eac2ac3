import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { needsCurrentPassword, RECENT_SIGN_IN_MINUTES } from "@/lib/accounts/change-password";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/accounts/passwords";
import { getAccountOverview } from "@/lib/accounts/queries";
import { currentSessionToken, requireUser } from "@/lib/guards";
import { PasswordForm } from "./password-form";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("PasswordPage");
  return { title: t("title"), robots: { index: false } };
}

/** Where the sign-in, welcome and forgot-password links land: choose a (new) password. */
export default async function PasswordPage() {
  const user = await requireUser("/account/password");
  const sessionToken = await currentSessionToken();
  const [t, overview, askCurrent] = await Promise.all([
    getTranslations("PasswordPage"),
    getAccountOverview(user.id),
    needsCurrentPassword({ userId: user.id, sessionToken }),
  ]);
  const hasPassword = overview?.hasPassword ?? false;
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-6 px-4 py-6 sm:px-6 sm:py-10">
      <PageHeader
        back={{ href: "/account", label: t("backToAccount") }}
        heading={hasPassword ? t("headingChange") : t("headingSet")}
        intro={t("intro", { email: overview?.email ?? user.email })}
      />
      <Card as="section" aria-label={t("formLabel")} className="p-4 sm:p-6">
        <PasswordForm
          email={overview?.email ?? user.email}
          askCurrent={askCurrent}
          recentMinutes={RECENT_SIGN_IN_MINUTES}
          minLength={PASSWORD_MIN_LENGTH}
          maxLength={PASSWORD_MAX_LENGTH}
        />
      </Card>
      <p className="text-sm text-zinc-700">{t("otherSessions")}</p>
    </div>
  );
}
