// The account's ticket page: passing this ticket on, while the organizer allows it, the cut-off
// has not come and nobody has been let in on it. The action asks the ownership rule again.
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { passTicketOnFromAccountAction } from "@/app/[locale]/account/tickets/[code]/pass-on/actions";
import { formatDateTime } from "@/lib/i18n/format";
import { getTransferWindowBySlug } from "@/lib/transfers/queries";
import { PassOnForm } from "./pass-on-form";
import { passOnFormTexts } from "./pass-on-texts";

export async function AccountPassOn({
  ticket,
}: {
  ticket: { code: string; typeName: string; usable: boolean; checkedInAt: string | null; event: { slug: string; timeZone: string } };
}) {
  if (!ticket.usable || ticket.checkedInAt) return null;
  const window = await getTransferWindowBySlug(ticket.event.slug);
  if (!window) return null;
  const [t, locale] = await Promise.all([getTranslations("Transfers"), getLocale()]);
  const deadline = formatDateTime(window.deadline, locale, { dateStyle: "long", timeStyle: "short" }, ticket.event.timeZone);
  return (
    <Card as="section" aria-labelledby="ticket-pass-on-title" className="flex flex-col gap-4 p-4 sm:p-6">
      <h2 id="ticket-pass-on-title" className="text-xl font-bold text-zinc-950">
        {t("heading")}
      </h2>
      {!window.allowed ? (
        <p className="text-zinc-800">{t("notAllowed")}</p>
      ) : !window.open ? (
        <p className="text-zinc-800">{t("closedInfo")}</p>
      ) : (
        <>
          <p className="text-zinc-800">{t("intro")}</p>
          <p className="text-zinc-800">{t("deadline", { deadline })}</p>
          <PassOnForm
            action={passTicketOnFromAccountAction}
            hidden={{}}
            tickets={[{ code: ticket.code, label: ticket.typeName }]}
            texts={await passOnFormTexts()}
          />
        </>
      )}
    </Card>
  );
}
