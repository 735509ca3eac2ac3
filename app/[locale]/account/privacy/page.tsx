import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { asLocale } from "@/lib/i18n/locales";
import { localizePath } from "@/lib/i18n/paths";
import { Button, buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { listConsents, type ConsentSummary } from "@/lib/privacy/consents";
import { formatDateTime, regionalLocale } from "@/lib/i18n/format";
import { requireUser } from "@/lib/guards";
import { withdrawConsentAction } from "./actions";
import { FlashNotice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Privacy");
  return { title: t("title"), robots: { index: false } };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Consents to news (withdrawn here at once), the data download, and the way to delete the account. */
export default async function PrivacyPage({ searchParams }: Props) {
  const user = await requireUser("/account/privacy");
  const [t, locale, query, consents] = await Promise.all([getTranslations("Privacy"), getLocale(), searchParams, listConsents(user.id)]);
  const date = (value: Date) => formatDateTime(value, regionalLocale(locale), { dateStyle: "long" });
  const howGiven = (consent: ConsentSummary) =>
    consent.source !== "checkout"
      ? t("source.other")
      : consent.order
        ? t("source.checkoutOrder", { event: consent.order.eventTitle, number: consent.order.number })
        : t("source.checkout");

  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-8 px-4 py-6 sm:px-6 sm:py-10">
      <PageHeader back={{ href: "/account", label: t("backToAccount") }} heading={t("heading")} intro={t("intro")} />
      <FlashNotice value={query.notice} messages={{ withdrawn: t("withdrawnNotice") }} />

      <section aria-labelledby="consents" className="flex flex-col gap-3">
        <h2 id="consents" className="text-xl font-bold text-zinc-950">
          {t("consents.heading")}
        </h2>
        {consents.active.length === 0 ? (
          <p className="text-zinc-700">{t("consents.empty")}</p>
        ) : (
          <ul className="flex flex-col gap-3">
            {consents.active.map((consent) => (
              <Card as="li" key={consent.id} className="flex flex-col gap-3 p-4 sm:flex-row sm:items-center sm:justify-between">
                <div className="flex min-w-0 flex-col gap-1">
                  <p className="font-semibold break-words text-zinc-950">{consent.organizerName}</p>
                  <p className="text-sm text-zinc-700">{t("consents.given", { date: date(consent.givenAt) })}</p>
                  <p className="text-sm break-words text-zinc-700">{howGiven(consent)}</p>
                </div>
                <form action={withdrawConsentAction}>
                  <input type="hidden" name="consentId" value={consent.id} />
                  <Button type="submit" variant="secondary" aria-label={t("consents.withdrawNamed", { organizer: consent.organizerName })}>
                    {t("consents.withdraw")}
                  </Button>
                </form>
              </Card>
            ))}
          </ul>
        )}
        <p className="text-sm text-zinc-700">{t("consents.effect")}</p>
      </section>

      {consents.withdrawn.length > 0 ? (
        <section aria-labelledby="consent-history" className="flex flex-col gap-2">
          <h2 id="consent-history" className="text-lg font-bold text-zinc-950">
            {t("history.heading")}
          </h2>
          <ul className="flex flex-col gap-2 text-sm text-zinc-700">
            {consents.withdrawn.map((consent) => (
              <li key={consent.id}>
                <span className="font-semibold text-zinc-900">{consent.organizerName}</span>
                {": "}
                {t("history.item", { given: date(consent.givenAt), withdrawn: date(consent.withdrawnAt!) })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <Card as="section" aria-labelledby="data-export" className="flex flex-col gap-3 p-4 sm:p-6">
        <h2 id="data-export" className="text-xl font-bold text-zinc-950">
          {t("export.heading")}
        </h2>
        <p className="text-zinc-800">{t("export.body")}</p>
        {/* A plain link: the route answers with the file, so no JavaScript is needed. */}
        <a
          href={localizePath("/account/privacy/export", asLocale(locale))}
          download
          className={`self-start ${buttonClasses({ variant: "primary" })}`}
        >
          {t("export.download")}
        </a>
      </Card>

      <Card as="section" aria-labelledby="delete-account" className="flex flex-col gap-3 border-red-200 p-4 sm:p-6">
        <h2 id="delete-account" className="text-xl font-bold text-zinc-950">
          {t("delete.heading")}
        </h2>
        <p className="text-zinc-800">{t("delete.body")}</p>
        <Button href="/account/privacy/delete" variant="danger" className="self-start">
          {t("delete.link")}
        </Button>
      </Card>
    </div>
  );
}
