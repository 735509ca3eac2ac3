import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Link } from "@/components/i18n/link";
import { getLeaveTarget } from "@/lib/waiting-list/join";
import { leaveWaitingListAction } from "./actions";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function one(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("WaitingList");
  return { title: t("leaveTitle"), robots: { index: false } };
}

/** Where the email's "leave the list" link lands: a button (a GET changes nothing), then the outcome. */
export default async function LeaveWaitingListPage({ searchParams }: Props) {
  const query = await searchParams;
  const entry = one(query.entry);
  const key = one(query.key);
  const t = await getTranslations("WaitingList");
  const target = await getLeaveTarget(entry, key);

  return (
    <div className="mx-auto flex w-full max-w-md flex-col gap-6 px-4 py-6 sm:px-6 sm:py-10">
      <h1 className="text-3xl font-extrabold tracking-tight text-zinc-950">{target ? t("leaveHeading") : t("linkInvalidHeading")}</h1>
      <Card className="flex flex-col gap-5 p-4 sm:p-6">
        {!target ? (
          <p className="text-zinc-700">{t("linkInvalidBody")}</p>
        ) : target.onList ? (
          <form action={leaveWaitingListAction} className="flex flex-col gap-5">
            <p className="text-zinc-700">
              {t("leaveIntro", { name: target.ticketTypeName, event: target.eventTitle, email: target.email })}
            </p>
            <input type="hidden" name="entry" value={target.entryId} />
            <input type="hidden" name="key" value={key} />
            <Button type="submit" size="lg" fullWidth>
              {t("leaveButton")}
            </Button>
          </form>
        ) : (
          <p role="status" className="text-zinc-900">
            {t("left")}
          </p>
        )}
        {target ? (
          <Link
            href={`/events/${encodeURIComponent(target.eventSlug)}`}
            className="self-start font-semibold text-indigo-800 underline underline-offset-4 hover:text-indigo-950"
          >
            {t("backToEvent")}
          </Link>
        ) : null}
      </Card>
    </div>
  );
}
