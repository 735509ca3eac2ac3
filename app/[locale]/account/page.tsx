import type { Metadata } from "next";
import { Link } from "@/components/i18n/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { getAccountOverview } from "@/lib/accounts/queries";
import { formatDateTime, regionalLocale } from "@/lib/i18n/format";
import { requireUser } from "@/lib/guards";
import { FlashNotice } from "@/components/ui/notice";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("AccountPage");
  return { title: t("title"), robots: { index: false } };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// What a buyer looks for, in the words of AccountPage.sections (account.json).
const sections = [
  { href: "/account/tickets", key: "tickets" },
  { href: "/account/claim", key: "claim" },
  { href: "/account/liked", key: "liked" },
  { href: "/account/profile", key: "profile" },
  { href: "/account/public-profile", key: "publicProfile" },
  { href: "/account/password", key: "password" },
  { href: "/account/sessions", key: "sessions" },
  { href: "/account/privacy", key: "privacy" },
] as const;

const tileClasses =
  "flex h-full min-h-11 flex-col gap-1 rounded-2xl border border-zinc-200 bg-white p-4 no-underline shadow-sm hover:border-indigo-700";

/** The signed-in overview: who you are, whether you have a password, and the account's pages. */
export default async function AccountPage({ searchParams }: Props) {
  const user = await requireUser("/account");
  const [t, locale, query, overview] = await Promise.all([
    getTranslations("AccountPage"),
    getLocale(),
    searchParams,
    getAccountOverview(user.id),
  ]);
  const email = overview?.email ?? user.email;
  const name = overview?.name?.trim() || null;
  const passwordSetAt = overview?.passwordSetAt
    ? formatDateTime(overview.passwordSetAt, regionalLocale(locale), { dateStyle: "long" })
    : null;
  const linkClasses = "font-semibold text-indigo-800 underline underline-offset-4 hover:text-indigo-950";
  const links = sections.map((section) => ({
    href: section.href,
    title: t(`sections.${section.key}Title`),
    description: t(`sections.${section.key}Description`),
  }));

  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6 px-4 py-6 sm:px-6 sm:py-10">
      <h1 className="text-3xl font-extrabold tracking-tight text-zinc-950">{t("heading")}</h1>
      <FlashNotice value={query.notice} messages={{ "password-set": t("passwordSetNotice") }} />

      <Card as="section" aria-labelledby="account-details" className="flex flex-col gap-4 p-4 sm:p-6">
        <h2 id="account-details" className="text-xl font-bold text-zinc-950">
          {t("detailsHeading")}
        </h2>
        <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr]">
          <dt className="font-semibold text-zinc-900">{t("name")}</dt>
          <dd className="text-zinc-800">{name ?? t("noName")}</dd>
          <dt className="font-semibold text-zinc-900">{t("email")}</dt>
          <dd className="break-all text-zinc-800">{email}</dd>
          <dt className="font-semibold text-zinc-900">{t("password")}</dt>
          <dd className="flex flex-col gap-1 text-zinc-800">
            <span>
              {passwordSetAt ? t("passwordSetOn", { date: passwordSetAt }) : overview?.hasPassword ? t("passwordSet") : t("noPassword")}
            </span>
            <Link href="/account/password" className={`self-start ${linkClasses}`}>
              {overview?.hasPassword ? t("changePassword") : t("setPassword")}
            </Link>
          </dd>
        </dl>
      </Card>

      <nav aria-labelledby="account-pages">
        <h2 id="account-pages" className="mb-3 text-xl font-bold text-zinc-950">
          {t("pagesHeading")}
        </h2>
        <ul className="grid gap-3 sm:grid-cols-2">
          {links.map((link) => (
            <li key={link.href}>
              <Link href={link.href} className={tileClasses}>
                <span className="font-semibold text-indigo-800">{link.title}</span>
                <span className="text-sm text-zinc-700">{link.description}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      {/* Apart from the rest: nothing here is needed to buy or use tickets. */}
      <section aria-labelledby="account-developers" className="flex flex-col gap-3">
        <h2 id="account-developers" className="text-xl font-bold text-zinc-950">
          {t("developers.heading")}
        </h2>
        <p className="text-zinc-700">{t("developers.intro")}</p>
        <Link href="/account/tokens" className={`sm:max-w-[calc(50%-0.375rem)] ${tileClasses}`}>
          <span className="font-semibold text-indigo-800">{t("developers.tokensTitle")}</span>
          <span className="text-sm text-zinc-700">{t("developers.tokensDescription")}</span>
        </Link>
      </section>
    </div>
  );
}
