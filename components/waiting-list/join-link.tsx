import { useTranslations } from "next-intl";
import { Link } from "@/components/i18n/link";
import { joinPagePath } from "@/lib/waiting-list/paths";

/**
 * Under a sold-out ticket type on the (cached, same-for-everyone) event page: a plain link to
 * the type's waiting-list page, where the form is. No script of its own, and not prefetched:
 * that page is rendered per visitor.
 */
export function WaitingListJoinLink({
  eventSlug,
  ticketTypeId,
  ticketTypeName,
}: {
  eventSlug: string;
  ticketTypeId: string;
  ticketTypeName: string;
}) {
  const t = useTranslations("WaitingList");
  return (
    <p className="flex flex-wrap items-baseline gap-x-2 text-zinc-700">
      <span>{t("eventOffer")}</span>
      <Link
        href={joinPagePath(eventSlug, ticketTypeId)}
        className="inline-flex min-h-11 items-center font-semibold text-indigo-800 underline underline-offset-4 hover:text-indigo-950"
      >
        {t("eventLink")}
        <span className="sr-only"> {t("eventLinkContext", { name: ticketTypeName })}</span>
      </Link>
    </p>
  );
}
