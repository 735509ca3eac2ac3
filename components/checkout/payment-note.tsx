import { Link } from "@/components/i18n/link";
import { useTranslations } from "next-intl";

/** Groups a card number in fours, as it is printed on a card: "4242 4242 4242 4242". */
export function groupCardNumber(digits: string): string {
  return digits.replace(/(\d{4})(?=\d)/g, "$1 ");
}

export type TestCards = { succeeds: string; declined: string; networkFailure: string };

const linkClasses = "font-semibold text-indigo-800 underline underline-offset-4 hover:text-indigo-950";

/** Above the card fields of the demo: this is a test mode, and these are the cards it takes. */
export function TestCardsNote({ cards }: { cards: TestCards }) {
  const t = useTranslations("Checkout");
  return (
    <div className="rounded-xl border border-amber-300 bg-amber-50 p-4 text-sm text-zinc-900">
      <p className="font-semibold">{t("testMode.heading")}</p>
      <ul className="mt-2 flex flex-col gap-1">
        <li>{t("testMode.succeeds", { number: groupCardNumber(cards.succeeds) })}</li>
        <li>{t("testMode.declined", { number: groupCardNumber(cards.declined) })}</li>
        <li>{t("testMode.networkFailure", { number: groupCardNumber(cards.networkFailure) })}</li>
      </ul>
      <p className="mt-2">{t("testMode.anyExpiry")}</p>
      <p className="mt-2">
        <Link href="/payments" className={linkClasses}>
          {t("paymentsLink")}
        </Link>
      </p>
    </div>
  );
}

/** In place of card fields when Stripe takes the payment on its own page. */
export function RedirectPaymentNote() {
  const t = useTranslations("Checkout");
  return (
    <div className="rounded-xl border border-zinc-200 bg-zinc-50 p-4 text-sm text-zinc-900">
      <p>{t("stripeNote")}</p>
      <p className="mt-2">
        <Link href="/payments" className={linkClasses}>
          {t("paymentsLink")}
        </Link>
      </p>
    </div>
  );
}
