// "Skicka mina biljetter" as a section of a page (the help page, the sign-in page): heading,
// what it does, and the form, in the page's language.
import { getTranslations } from "next-intl/server";
import { sendMyTicketsAction } from "@/app/[locale]/help/actions";
import { SendMyTicketsForm } from "./send-my-tickets-form";

export async function SendMyTickets({ id, headingLevel = 2 }: { id: string; headingLevel?: 2 | 3 }) {
  const t = await getTranslations("SendTickets");
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section id={id} aria-labelledby={`${id}-heading`} tabIndex={-1} className="flex scroll-mt-6 flex-col gap-3 focus:outline-none">
      <Heading id={`${id}-heading`} className={headingLevel === 2 ? "text-2xl font-bold text-zinc-950" : "text-xl font-bold text-zinc-950"}>
        {t("heading")}
      </Heading>
      <p>{t("intro")}</p>
      <SendMyTicketsForm
        action={sendMyTicketsAction}
        idPrefix={id}
        words={{
          email: t("email"),
          submit: t("submit"),
          submitPending: t("submitPending"),
          // Filled in by the form with the address as typed.
          sent: t("sent", { email: "{email}" }),
          rateLimited: t("errors.rate_limited"),
          problems: {
            empty: t("errors.empty"),
            not_plain: t("errors.not_plain"),
            invalid: t("errors.invalid"),
            too_long: t("errors.too_long"),
          },
        }}
      />
    </section>
  );
}
