import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { groupCardNumber } from "@/components/checkout/payment-note";
import { paymentProvider } from "@/lib/payments";
import { TEST_CARDS } from "@/lib/payments/test-provider";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("PaymentsPage");
  return { title: t("title"), description: t("intro") };
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="flex flex-col gap-3">
      <h2 id={id} className="text-2xl font-bold text-zinc-950">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** How card details are handled, in plain words; the checkout links here. */
export default async function PaymentsPage() {
  const t = await getTranslations("PaymentsPage");
  const testMode = paymentProvider().flow === "card-form";
  const strong = (chunks: ReactNode) => <strong className="font-semibold text-zinc-950">{chunks}</strong>;

  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-8 px-4 py-8 text-lg text-zinc-800 sm:px-6 sm:py-12">
      <div className="flex flex-col gap-3">
        <h1 className="text-3xl font-extrabold tracking-tight text-zinc-950 sm:text-4xl">{t("heading")}</h1>
        <p>{t("intro")}</p>
        <p className="rounded-xl border border-zinc-200 bg-zinc-50 p-4 text-base">
          {testMode ? t.rich("currentTest", { strong }) : t.rich("currentStripe", { strong })}
        </p>
      </div>

      <Section id="payments-stripe" title={t("stripeHeading")}>
        <p>{t("stripeTyped")}</p>
        <p>{t("stripeKept")}</p>
        <p>{t("stripeWebhook")}</p>
      </Section>

      <Section id="payments-test" title={t("testHeading")}>
        <p>{t("testIntro")}</p>
        <ul className="flex flex-col gap-1 rounded-xl border border-amber-300 bg-amber-50 p-4 text-base">
          <li>{t.rich("testSucceeds", { strong, number: groupCardNumber(TEST_CARDS.succeeds) })}</li>
          <li>{t.rich("testDeclined", { strong, number: groupCardNumber(TEST_CARDS.declined) })}</li>
          <li>{t.rich("testNetworkFailure", { strong, number: groupCardNumber(TEST_CARDS.networkFailure) })}</li>
          <li>{t("testAnyExpiry")}</li>
        </ul>
        <p>{t.rich("testNoRealCards", { strong })}</p>
        <p>{t("testKept")}</p>
      </Section>

      <Section id="payments-organizer" title={t("organizerHeading")}>
        <p>{t("organizerReceives")}</p>
        <p>{t("organizerMarketing")}</p>
      </Section>
    </div>
  );
}
