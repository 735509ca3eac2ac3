import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Link } from "@/components/i18n/link";
import { Notice } from "@/components/ui/notice";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { findOwnOrderByNumber } from "@/lib/organizers/corrections/order-claim-queries";
import { orderPath } from "@/lib/orders/order-links";
import { requireUser } from "@/lib/guards";
import { ClaimForm } from "./claim-form";
import { PageHeader } from "@/components/ui/page-header";

type Props = { searchParams: Promise<{ claimed?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("OrderClaim");
  return { title: t("title"), robots: { index: false } };
}

export const dynamic = "force-dynamic";

/** Where a buyer who misspelled their address at checkout takes the order over. */
export default async function ClaimOrderPage({ searchParams }: Props) {
  const user = await requireUser("/account/claim");
  const { claimed } = await searchParams;
  const t = await getTranslations("OrderClaim");
  // Only an order that is now this user's is confirmed, whatever the address says.
  const claimedOrder = typeof claimed === "string" ? await findOwnOrderByNumber(user.id, claimed) : null;

  return (
    <div className="mx-auto flex max-w-xl flex-col gap-6 px-4 py-6 sm:px-6 sm:py-10">
      <PageHeader back={{ href: "/account", label: t("backToAccount") }} heading={t("heading")} intro={t("intro", { email: user.email })} />
      {claimedOrder ? (
        // Done: the form is gone, so nobody types the same order in again.
        <div className="flex flex-col gap-4">
          <Notice tone="success">{t("claimedNotice", { number: claimedOrder.number })}</Notice>
          <div className="flex flex-wrap gap-3">
            <Button href="/account/tickets">{t("toTickets")}</Button>
            <Button href={orderPath(claimedOrder)} variant="secondary">
              {t("openOrder")}
            </Button>
          </div>
          <Link href="/account/claim" className="self-start text-indigo-800 underline underline-offset-4 hover:text-indigo-950">
            {t("claimAnother")}
          </Link>
        </div>
      ) : (
        <Card as="section" aria-label={t("formLabel")} className="p-4 sm:p-6">
          <ClaimForm />
        </Card>
      )}
    </div>
  );
}
