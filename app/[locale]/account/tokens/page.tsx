import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { listAccessTokens } from "@/lib/access-tokens/queries";
import { formatDateTime, regionalLocale } from "@/lib/i18n/format";
import { requireUser } from "@/lib/guards";
import { revokeAccessTokenAction } from "./actions";
import { CreateTokenForm } from "./create-token-form";
import { FlashNotice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("AccessTokens");
  return { title: t("title"), robots: { index: false } };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Personal access tokens: made here for an app or a script, listed, and revoked at once. */
export default async function AccessTokensPage({ searchParams }: Props) {
  const user = await requireUser("/account/tokens");
  const [t, account, locale, query, tokens] = await Promise.all([
    getTranslations("AccessTokens"),
    // The way back is worded once for every page of the account.
    getTranslations("AccountPage"),
    getLocale(),
    searchParams,
    listAccessTokens(user.id),
  ]);
  const date = (value: Date) => formatDateTime(value, regionalLocale(locale), { dateStyle: "medium", timeStyle: "short" });

  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6 px-4 py-6 sm:px-6 sm:py-10">
      <PageHeader back={{ href: "/account", label: account("backToAccount") }} heading={t("heading")} intro={t("intro")} />
      <FlashNotice value={query.notice} messages={{ revoked: t("revokedNotice") }} />

      <Card as="section" aria-labelledby="new-token" className="flex flex-col gap-4 p-4 sm:p-6">
        <h2 id="new-token" className="text-xl font-bold text-zinc-950">
          {t("form.heading")}
        </h2>
        <CreateTokenForm />
      </Card>

      <section aria-labelledby="your-tokens" className="flex flex-col gap-3">
        <h2 id="your-tokens" className="text-xl font-bold text-zinc-950">
          {t("list.heading")}
        </h2>
        {tokens.length === 0 ? (
          <p className="text-zinc-700">{t("list.empty")}</p>
        ) : (
          <ul className="flex flex-col gap-3">
            {tokens.map((token) => (
              <Card as="li" key={token.id} className="flex flex-col gap-3 p-4 sm:flex-row sm:items-start sm:justify-between">
                <div className="flex min-w-0 flex-col gap-1">
                  <p className="font-semibold break-words text-zinc-950">{token.name}</p>
                  <p className="font-mono text-sm text-zinc-700">{t("list.prefix", { prefix: token.prefix })}</p>
                  <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-0.5 text-sm text-zinc-700">
                    <dt>{t("list.created")}</dt>
                    <dd>{date(token.createdAt)}</dd>
                    <dt>{t("list.lastUsed")}</dt>
                    <dd>{token.lastUsedAt ? date(token.lastUsedAt) : t("list.neverUsed")}</dd>
                    <dt>{t("list.expires")}</dt>
                    <dd>{token.expired ? t("list.expiredOn", { date: date(token.expiresAt) }) : date(token.expiresAt)}</dd>
                  </dl>
                </div>
                <form action={revokeAccessTokenAction}>
                  <input type="hidden" name="tokenId" value={token.id} />
                  <Button type="submit" variant="danger" aria-label={t("list.revokeNamed", { name: token.name })}>
                    {t("list.revoke")}
                  </Button>
                </form>
              </Card>
            ))}
          </ul>
        )}
      </section>
      <p className="text-sm text-zinc-700">{t("apiHint")}</p>
    </div>
  );
}
