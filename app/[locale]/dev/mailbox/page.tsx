import type { Metadata } from "next";
import { Link } from "@/components/i18n/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { formatDateTime } from "@/lib/i18n/format";
import { listMailbox } from "@/lib/outbox/mailbox";
import { ScrollRegion } from "@/components/ui/scroll-region";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Mailbox");
  return { title: t("title"), robots: { index: false } };
}

const tones = { PENDING: "neutral", SENDING: "brand", SENT: "success", FAILED: "danger" } as const;

export default async function MailboxPage({ searchParams }: { searchParams: Promise<{ to?: string }> }) {
  const { to } = await searchParams;
  const emails = await listMailbox({ to: typeof to === "string" && to ? to : undefined });
  if (!emails) notFound();
  const t = await getTranslations("Mailbox");
  const locale = await getLocale();

  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-6 px-4 py-8 sm:px-6">
      <div>
        <h1 className="text-3xl font-extrabold tracking-tight text-zinc-950">{t("title")}</h1>
        <p className="mt-2 text-zinc-700">{t("intro")}</p>
      </div>
      <form method="get" className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1 text-sm font-medium text-zinc-900">
          {t("filterLabel")}
          <Input type="email" name="to" defaultValue={to ?? ""} className="min-w-64" />
        </label>
        <Button type="submit" variant="secondary">
          {t("filterButton")}
        </Button>
        {to ? (
          <Link href="/dev/mailbox" className="text-sm text-violet-800 underline">
            {t("showAll")}
          </Link>
        ) : null}
      </form>
      {emails.length === 0 ? (
        <p className="rounded-xl border border-dashed border-zinc-400 px-6 py-10 text-center text-zinc-700">{t("empty")}</p>
      ) : (
        <ScrollRegion label={t("title")}>
          <table className="w-full text-left text-sm">
            <thead className="border-b border-zinc-300 text-zinc-700">
              <tr>
                <th scope="col" className="py-2 pr-4">
                  {t("subject")}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t("to")}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t("status")}
                </th>
                <th scope="col" className="py-2">
                  {t("created")}
                </th>
              </tr>
            </thead>
            <tbody>
              {emails.map((email) => (
                <tr key={email.id} className="border-b border-zinc-200 align-top">
                  <td className="py-2 pr-4">
                    <Link href={`/dev/mailbox/${email.id}`} className="font-medium text-violet-800 underline">
                      {email.subject}
                    </Link>
                  </td>
                  <td className="py-2 pr-4 break-all">{email.to}</td>
                  <td className="py-2 pr-4">
                    <Badge tone={tones[email.status as keyof typeof tones] ?? "neutral"}>
                      {t(`statuses.${email.status as keyof typeof tones}`)}
                    </Badge>
                  </td>
                  <td className="py-2 whitespace-nowrap">
                    {formatDateTime(email.createdAt, locale, { dateStyle: "short", timeStyle: "medium" })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </div>
  );
}
