import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FlashNotice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { listActiveSessions } from "@/lib/auth/session-list";
import { formatDateTime, regionalLocale } from "@/lib/i18n/format";
import { currentSessionToken, requireUser } from "@/lib/guards";
import { signOutOtherSessionsAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Sessions");
  return { title: t("title"), robots: { index: false } };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Where the account is signed in (device, sign-in, last activity), and "sign out everywhere else". */
export default async function SessionsPage({ searchParams }: Props) {
  const user = await requireUser("/account/sessions");
  const sessionToken = await currentSessionToken();
  const [t, locale, query, sessions] = await Promise.all([
    getTranslations("Sessions"),
    getLocale(),
    searchParams,
    listActiveSessions({ userId: user.id, currentSessionToken: sessionToken }),
  ]);
  const dateTime = (value: Date) => formatDateTime(value, regionalLocale(locale), { dateStyle: "medium", timeStyle: "short" });
  const date = (value: Date) => formatDateTime(value, regionalLocale(locale), { dateStyle: "medium" });
  const others = sessions.filter((session) => !session.current).length;

  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6 px-4 py-6 sm:px-6 sm:py-10">
      <PageHeader back={{ href: "/account", label: t("backToAccount") }} heading={t("heading")} intro={t("intro")} />
      <FlashNotice value={query.notice} messages={{ "signed-out": t("signedOutNotice") }} />

      <section aria-labelledby="active-sessions" className="flex flex-col gap-3">
        <h2 id="active-sessions" className="text-xl font-bold text-zinc-950">
          {t("listHeading", { count: sessions.length })}
        </h2>
        <ul className="flex flex-col gap-3">
          {sessions.map((session, index) => {
            const { browser, os } = session.device;
            const device =
              browser && os
                ? t("device", { browser, os })
                : browser
                  ? browser
                  : os
                    ? t("deviceUnknownBrowser", { os })
                    : t("deviceUnknown");
            return (
              <Card as="li" key={index} className="flex flex-col gap-1 p-4">
                <p className="font-semibold text-zinc-950">
                  <span>{device}</span>
                  {session.current ? (
                    <span className="ml-2 rounded bg-indigo-100 px-2 py-0.5 text-sm font-medium text-indigo-900">{t("thisDevice")}</span>
                  ) : null}
                </p>
                <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-0.5 text-sm text-zinc-700">
                  <dt>{t("signedIn")}</dt>
                  <dd>{dateTime(session.signedInAt)}</dd>
                  <dt>{t("lastSeen")}</dt>
                  <dd>{date(session.lastSeenAt)}</dd>
                </dl>
              </Card>
            );
          })}
        </ul>
      </section>

      <Card as="section" aria-labelledby="sign-out-elsewhere" className="flex flex-col gap-3 p-4 sm:p-6">
        <h2 id="sign-out-elsewhere" className="text-xl font-bold text-zinc-950">
          {t("signOutHeading")}
        </h2>
        <p className="text-zinc-700">{others > 0 ? t("signOutIntro", { count: others }) : t("noOthers")}</p>
        {others > 0 ? (
          <form action={signOutOtherSessionsAction}>
            <Button type="submit" variant="danger">
              {t("signOutSubmit")}
            </Button>
          </form>
        ) : null}
      </Card>
    </div>
  );
}
