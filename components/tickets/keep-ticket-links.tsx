import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { classNames } from "@/components/ui/class-names";

/**
 * Plain links (no JavaScript) that put a ticket where its holder keeps things: the event in a
 * calendar, the ticket in Apple Wallet or Google Wallet. A link is shown only when given, so a
 * site without wallet settings shows only the calendar. Each link's spoken name says which
 * event or ticket it is for, as several may stand on one page.
 */
export async function KeepTicketLinks({
  calendarHref,
  eventTitle,
  appleWalletHref,
  googleWalletHref,
  ticketCode,
  className,
}: {
  calendarHref?: string;
  eventTitle: string;
  appleWalletHref?: string;
  googleWalletHref?: string;
  /** The ticket the wallet links are for. */
  ticketCode?: string;
  className?: string;
}) {
  const t = await getTranslations("Wallet");
  const link = buttonClasses({ variant: "secondary", fullWidth: true });
  return (
    <ul className={classNames("flex flex-col gap-2", className)}>
      {calendarHref ? (
        <li>
          <a href={calendarHref} download className={link}>
            {t("calendar.add")}
            <span className="sr-only"> {t("calendar.addContext", { title: eventTitle })}</span>
          </a>
        </li>
      ) : null}
      {appleWalletHref ? (
        <li>
          <a href={appleWalletHref} download className={link}>
            {t("apple.add")}
            <span className="sr-only"> {t("apple.addContext", { code: ticketCode ?? "" })}</span>
          </a>
        </li>
      ) : null}
      {googleWalletHref ? (
        <li>
          {/* Google's own page, in the same tab: the ticket is saved there, no script of ours runs. */}
          <a href={googleWalletHref} rel="noopener noreferrer" className={link}>
            {t("google.add")}
            <span className="sr-only"> {t("google.addContext", { code: ticketCode ?? "" })}</span>
          </a>
        </li>
      ) : null}
    </ul>
  );
}
