import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { findOrderCorrection } from "@/lib/organizers/corrections/buyer-correction";
import { confirmOrderCorrectionAction } from "./actions";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("OrderCorrectionConfirm");
  // The address carries the link's secret: keep it out of search engines and referrers.
  return { title: t("title"), robots: { index: false, follow: false }, referrer: "strict-origin" };
}

/*
 * Where the link in the "confirm the address for your order" email lands. Loading it changes
 * nothing (mail scanners fetch links); only the button posts.
 */
export default async function ConfirmOrderCorrectionPage({ searchParams }: Props) {
  const query = await searchParams;
  const token = typeof query.token === "string" ? query.token : null;
  const problem = query.problem === "closed" ? "closed" : query.problem !== undefined ? "invalid" : null;
  const [t, pending] = await Promise.all([
    getTranslations("OrderCorrectionConfirm"),
    token && !problem ? findOrderCorrection(token) : null,
  ]);

  if (!pending) {
    const closed = problem === "closed";
    return (
      <div className="mx-auto flex w-full max-w-md flex-col gap-6 px-4 py-6 sm:px-6 sm:py-10">
        <h1 className="text-3xl font-extrabold tracking-tight text-zinc-950">{closed ? t("closedHeading") : t("invalidHeading")}</h1>
        <Card className="flex flex-col gap-4 p-4 sm:p-6">
          <p role="alert" className="text-zinc-900">
            {closed ? t("closedBody") : t("invalidBody")}
          </p>
          <Button href="/events" variant="secondary" className="self-start">
            {t("toEvents")}
          </Button>
        </Card>
      </div>
    );
  }
  return (
    <div className="mx-auto flex w-full max-w-md flex-col gap-6 px-4 py-6 sm:px-6 sm:py-10">
      <h1 className="text-3xl font-extrabold tracking-tight text-zinc-950">{t("heading")}</h1>
      <Card className="flex flex-col gap-4 p-4 sm:p-6">
        <form action={confirmOrderCorrectionAction} className="flex flex-col gap-4">
          <input type="hidden" name="token" value={token ?? ""} />
          <p className="break-words text-zinc-900">
            {t("body", { number: pending.orderNumber, event: pending.eventTitle, email: pending.toEmail })}
          </p>
          <Button type="submit" size="lg" className="self-start">
            {t("submit")}
          </Button>
        </form>
      </Card>
    </div>
  );
}
