import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { inputClasses } from "@/components/ui/input";
import { Link } from "@/components/i18n/link";
import { signedInUser } from "@/lib/guards";
import { getJoinableTicketType, type JoinRefusal } from "@/lib/waiting-list/join";
import { joinWaitingListAction } from "./actions";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const REFUSALS: readonly JoinRefusal[] = ["invalid_email", "invalid_quantity", "rate_limited", "not_sold_out", "unavailable"];

function one(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const t = await getTranslations("WaitingList");
  const type = await getJoinableTicketType(slug, one(query.type));
  return { title: type ? t("title", { name: `${type.name}, ${type.event.title}` }) : t("unavailableHeading"), robots: { index: false } };
}

/**
 * A sold-out ticket type's waiting list: a plain form (no script) posting to the join action,
 * which comes back here with `joined` or the refusal, shown next to its field.
 */
export default async function WaitingListPage({ params, searchParams }: Props) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const t = await getTranslations("WaitingList");
  const type = await getJoinableTicketType(slug, one(query.type));
  const eventPath = `/events/${encodeURIComponent(slug)}`;

  if (!type) {
    return (
      <div className="mx-auto flex w-full max-w-md flex-col gap-4 px-4 py-6 sm:px-6 sm:py-10">
        <h1 className="text-3xl font-extrabold tracking-tight text-zinc-950">{t("unavailableHeading")}</h1>
        <p className="text-zinc-700">{t("unavailableBody")}</p>
        <Link href={eventPath} className="self-start font-semibold text-indigo-800 underline underline-offset-4">
          {t("backToEvent")}
        </Link>
      </div>
    );
  }

  const user = await signedInUser();
  const joined = one(query.joined) === "1";
  const errorCode = REFUSALS.find((code) => code === one(query.error));
  const quantity = Math.min(Math.max(Number(one(query.quantity)) || 1, 1), type.maxPerOrder);
  const fieldError = (code: JoinRefusal) => (errorCode === code ? t(`errors.${code}`, { max: type.maxPerOrder }) : null);
  const formError =
    errorCode === "rate_limited" || errorCode === "not_sold_out" || errorCode === "unavailable" ? fieldError(errorCode) : null;
  const emailError = fieldError("invalid_email");
  const quantityError = fieldError("invalid_quantity");

  return (
    <div className="mx-auto flex w-full max-w-md flex-col gap-6 px-4 py-6 sm:px-6 sm:py-10">
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-extrabold tracking-tight text-zinc-950">{t("heading")}</h1>
        <p className="text-zinc-700">{t("intro", { name: type.name, event: type.event.title })}</p>
      </div>
      <Card className="flex flex-col gap-5 p-4 sm:p-6">
        {joined ? (
          <p role="status" className="rounded-lg border border-green-700 bg-green-50 p-3 text-green-900">
            {t("joined", { name: type.name })}
          </p>
        ) : null}
        {formError ? (
          <p role="alert" className="rounded-lg border border-red-700 bg-red-50 p-3 text-red-900">
            {formError}
          </p>
        ) : null}
        {errorCode === "not_sold_out" ? (
          <Button href={eventPath} variant="secondary">
            {t("toTickets")}
          </Button>
        ) : null}
        <form action={joinWaitingListAction} noValidate className="flex flex-col gap-5">
          <input type="hidden" name="event" value={type.event.slug} />
          <input type="hidden" name="type" value={type.id} />
          {user ? (
            <>
              <input type="hidden" name="asViewer" value="1" />
              <p className="text-zinc-900">{t("signedInAs", { email: user.email })}</p>
            </>
          ) : (
            <div className="flex flex-col gap-1.5">
              <label htmlFor="waiting-list-email" className="font-semibold text-zinc-900">
                {t("email")}
              </label>
              <p id="waiting-list-email-hint" className="text-sm text-zinc-700">
                {t("emailHint")}
              </p>
              <input
                id="waiting-list-email"
                name="email"
                type="email"
                inputMode="email"
                autoComplete="email"
                autoCapitalize="none"
                spellCheck={false}
                required
                aria-describedby={emailError ? "waiting-list-email-hint waiting-list-email-error" : "waiting-list-email-hint"}
                aria-invalid={emailError ? true : undefined}
                className={inputClasses}
              />
              {emailError ? (
                <p id="waiting-list-email-error" className="text-sm font-semibold text-red-800">
                  {emailError}
                </p>
              ) : null}
            </div>
          )}
          <div className="flex flex-col gap-1.5">
            <label htmlFor="waiting-list-quantity" className="font-semibold text-zinc-900">
              {t("quantity")}
            </label>
            <p id="waiting-list-quantity-hint" className="text-sm text-zinc-700">
              {t("quantityHint", { max: type.maxPerOrder })}
            </p>
            <select
              id="waiting-list-quantity"
              name="quantity"
              defaultValue={String(quantity)}
              aria-describedby={quantityError ? "waiting-list-quantity-hint waiting-list-quantity-error" : "waiting-list-quantity-hint"}
              aria-invalid={quantityError ? true : undefined}
              className={inputClasses}
            >
              {Array.from({ length: type.maxPerOrder }, (_, index) => (
                <option key={index + 1} value={index + 1}>
                  {index + 1}
                </option>
              ))}
            </select>
            {quantityError ? (
              <p id="waiting-list-quantity-error" className="text-sm font-semibold text-red-800">
                {quantityError}
              </p>
            ) : null}
          </div>
          <Button type="submit" size="lg" fullWidth>
            {t("submit")}
          </Button>
        </form>
        <Link href={eventPath} className="self-start font-semibold text-indigo-800 underline underline-offset-4 hover:text-indigo-950">
          {t("backToEvent")}
        </Link>
      </Card>
    </div>
  );
}
