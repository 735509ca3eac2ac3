import type { Metadata } from "next";
import { Link } from "@/components/i18n/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { formatEventDate } from "@/lib/i18n/format";
import { asLocale } from "@/lib/i18n/locales";
import { localizePath } from "@/lib/i18n/paths";
import { requireOrganizerMember } from "@/lib/guards";
import { listMarketingContacts } from "@/lib/organizers/queries";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { marketingSourceLabel } from "./source-label";

type Props = { params: Promise<{ organizerId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Organizer");
  return { title: t("marketingHeading"), robots: { index: false } };
}

/** Who may receive this organizer's news: consents to this organizer only, not withdrawn. */
export default async function MarketingPage({ params }: Props) {
  const { organizerId } = await params;
  const { user } = await requireOrganizerMember(organizerId, {
    permission: "marketingContacts",
    returnPath: `/organizer/${organizerId}/marketing`,
  });
  const [t, locale, list] = await Promise.all([getTranslations("Organizer"), getLocale(), listMarketingContacts(user.id, organizerId)]);
  if (!list) notFound();
  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-6 px-4 py-8 sm:px-6 sm:py-12">
      <Link
        href={`/organizer/${list.organizer.id}`}
        className="self-start text-indigo-800 underline underline-offset-4 hover:text-indigo-950"
      >
        {t("backToDashboard", { name: list.organizer.name })}
      </Link>
      <h1 className="text-3xl font-extrabold tracking-tight text-zinc-950">{t("marketingHeading")}</h1>
      <p className="text-zinc-700">{t("marketingIntro", { name: list.organizer.name })}</p>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="font-semibold text-zinc-900">{t("marketingCount", { count: list.contacts.length })}</p>
        {list.contacts.length > 0 ? (
          <a
            href={localizePath(`/organizer/${list.organizer.id}/marketing/export`, asLocale(locale))}
            download
            className="inline-flex min-h-11 items-center font-semibold text-indigo-800 underline underline-offset-4"
          >
            {t("marketingExport")}
          </a>
        ) : null}
      </div>
      {list.contacts.length > 0 ? (
        <ScrollRegion label={t("marketingHeading")}>
          <table className="w-full min-w-xl border-collapse text-left">
            <thead>
              <tr className="border-b border-zinc-300">
                <th scope="col" className="px-3 py-2">
                  {t("marketingEmail")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("marketingName")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("marketingGivenAt")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("marketingSource")}
                </th>
              </tr>
            </thead>
            <tbody>
              {list.contacts.map((contact) => (
                <tr key={contact.id} className="border-b border-zinc-200">
                  <th scope="row" className="px-3 py-2 font-semibold break-all">
                    {contact.email}
                  </th>
                  <td className="px-3 py-2">{contact.name ?? ""}</td>
                  <td className="px-3 py-2">{formatEventDate(contact.givenAt, locale)}</td>
                  <td className="px-3 py-2">{marketingSourceLabel(t, contact.source)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : null}
    </div>
  );
}
