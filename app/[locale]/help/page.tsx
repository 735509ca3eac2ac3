import type { Metadata } from "next";
import { Link } from "@/components/i18n/link";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { SupportRoutes } from "@/components/support/support-routes";
import { SendMyTickets } from "@/components/tickets/send-my-tickets";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("HelpPage");
  return { title: t("title"), description: t("intro") };
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-heading`} tabIndex={-1} className="flex scroll-mt-6 flex-col gap-3 focus:outline-none">
      <h2 id={`${id}-heading`} className="text-2xl font-bold text-zinc-950">
        {title}
      </h2>
      {children}
    </section>
  );
}

const linkClasses = "font-semibold text-indigo-800 underline underline-offset-4 hover:text-indigo-950";

/** Answers about accounts and buying, and the terms of purchase the checkout links to (#terms). */
export default async function HelpPage() {
  const [t, privacyT, supportT, sendTicketsT] = await Promise.all([
    getTranslations("HelpPage"),
    getTranslations("HelpPrivacy"),
    getTranslations("Support"),
    getTranslations("SendTickets"),
  ]);
  const strong = (chunks: ReactNode) => <strong className="font-semibold text-zinc-950">{chunks}</strong>;
  const login = (chunks: ReactNode) => (
    <Link href="/login" className={linkClasses}>
      {chunks}
    </Link>
  );
  const payments = (chunks: ReactNode) => (
    <Link href="/payments" className={linkClasses}>
      {chunks}
    </Link>
  );
  const claim = (chunks: ReactNode) => (
    <Link href="/account/claim" className={linkClasses}>
      {chunks}
    </Link>
  );
  const support = (chunks: ReactNode) => (
    <a href="#support" className={linkClasses}>
      {chunks}
    </a>
  );
  const privacy = (chunks: ReactNode) => (
    <Link href="/account/privacy" className={linkClasses}>
      {chunks}
    </Link>
  );
  // Each promise here is a page of the account: claiming an order, tickets, liked events,
  // the phone app, the profile, and privacy.
  const benefits = ["orderProblems", "downloadTickets", "liked", "phone", "profile"] as const;
  // Whom to ask is the Support section below, in the words every email's footer uses.
  const terms = ["personal", "refunds", "cancelled", "changed", "responsibility", "entry"] as const;

  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-10 px-4 py-8 text-lg text-zinc-800 sm:px-6 sm:py-12">
      <div className="flex flex-col gap-3">
        <h1 className="text-3xl font-extrabold tracking-tight text-zinc-950 sm:text-4xl">{t("heading")}</h1>
        <p>{t("intro")}</p>
        <nav aria-label={t("contentsLabel")}>
          <ul className="flex flex-col gap-1 text-base">
            <li>
              <a href="#account" className={linkClasses}>
                {t("account.heading")}
              </a>
            </li>
            <li>
              <a href="#send-my-tickets" className={linkClasses}>
                {sendTicketsT("heading")}
              </a>
            </li>
            <li>
              <a href="#wrong-address" className={linkClasses}>
                {t("wrongAddress.heading")}
              </a>
            </li>
            <li>
              <a href="#privacy" className={linkClasses}>
                {privacyT("heading")}
              </a>
            </li>
            <li>
              <a href="#terms" className={linkClasses}>
                {t("terms.heading")}
              </a>
            </li>
            <li>
              <a href="#support" className={linkClasses}>
                {supportT("heading")}
              </a>
            </li>
          </ul>
        </nav>
      </div>

      <Section id="account" title={t("account.heading")}>
        <p>{t.rich("account.short", { strong })}</p>
        <p>{t("account.guest")}</p>
        <p>{t("account.tiedToEmail")}</p>
        <h3 className="text-xl font-bold text-zinc-950">{t("account.setLaterHeading")}</h3>
        <p>{t.rich("account.setLater", { strong, login })}</p>
        <h3 className="text-xl font-bold text-zinc-950">{t("account.whyHeading")}</h3>
        <ul className="flex list-disc flex-col gap-2 pl-6">
          {benefits.map((benefit) => (
            <li key={benefit}>{t(`why.${benefit}`)}</li>
          ))}
          <li>{privacyT("benefit")}</li>
        </ul>
        <h3 className="text-xl font-bold text-zinc-950">{t("account.organizersHeading")}</h3>
        <p>{t("account.organizers")}</p>
        <p>{privacyT.rich("news", { privacy })}</p>
        <p>{t.rich("account.payments", { payments })}</p>
      </Section>

      <SendMyTickets id="send-my-tickets" />

      {/* The two ways of lib/organizers/corrections: buyer-correction.ts and order-claim.ts. */}
      <Section id="wrong-address" title={t("wrongAddress.heading")}>
        <p>{t("wrongAddress.intro")}</p>
        <h3 className="text-xl font-bold text-zinc-950">{t("wrongAddress.rightAfterHeading")}</h3>
        <p>{t.rich("wrongAddress.rightAfter", { strong })}</p>
        <h3 className="text-xl font-bold text-zinc-950">{t("wrongAddress.laterHeading")}</h3>
        <p>{t.rich("wrongAddress.later", { claim })}</p>
        <p>{t.rich("wrongAddress.laterRules", { support })}</p>
        <h3 className="text-xl font-bold text-zinc-950">{t("wrongAddress.numberHeading")}</h3>
        <p>{t("wrongAddress.number")}</p>
      </Section>

      <Section id="privacy" title={privacyT("heading")}>
        <p>{privacyT("stored")}</p>
        <p>{privacyT("cards")}</p>
        <p>{privacyT.rich("download", { privacy })}</p>
        <h3 className="text-xl font-bold text-zinc-950">{privacyT("deleteHeading")}</h3>
        <p>{privacyT("delete")}</p>
        <p>{privacyT("kept")}</p>
      </Section>

      <Section id="terms" title={t("terms.heading")}>
        <p>{t("terms.intro")}</p>
        <ol className="flex list-decimal flex-col gap-3 pl-6">
          {terms.map((term) => (
            <li key={term}>{t.rich(`termsItems.${term}`, { strong })}</li>
          ))}
        </ol>
      </Section>

      <Section id="support" title={supportT("heading")}>
        <SupportRoutes className="flex flex-col gap-3" />
      </Section>
    </div>
  );
}
