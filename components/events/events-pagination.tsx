import { Link } from "@/components/i18n/link";
import { useTranslations } from "next-intl";
import { buttonClasses } from "@/components/ui/button";
import { browseHref, type BrowseParams } from "@/lib/events/browse-params";

export type EventsPaginationProps = {
  query: string | null;
  city: string | null;
  page: number;
  pageCount: number;
};

/**
 * Previous and next links around "Sida 2 av 5", keeping the search and city. A link that would
 * lead nowhere is left out rather than disabled, so no one tabs to a dead control.
 */
export function EventsPagination({ query, city, page, pageCount }: EventsPaginationProps) {
  const t = useTranslations("Pagination");
  if (pageCount <= 1) return null;
  const href = (target: number) => browseHref({ query, city, page: target } satisfies Omit<BrowseParams, "queryProblem">);
  const linkClasses = buttonClasses({ variant: "secondary" });
  return (
    <nav aria-label={t("label")} className="grid grid-cols-[1fr_auto_1fr] items-center gap-3">
      <div>
        {page > 1 ? (
          <Link href={href(page - 1)} rel="prev" className={linkClasses}>
            <span aria-hidden="true">←</span>
            {t("previous")}
          </Link>
        ) : null}
      </div>
      <p className="text-center font-semibold whitespace-nowrap text-zinc-900">{t("pageOf", { page, pageCount })}</p>
      <div className="text-right">
        {page < pageCount ? (
          <Link href={href(page + 1)} rel="next" className={linkClasses}>
            {t("next")}
            <span aria-hidden="true">→</span>
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
