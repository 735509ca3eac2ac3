"use client";
// The checkout form. It is a plain form posting to a server action, so it works without
// JavaScript (the server renders the answer); with it, the total follows the quantities, a
// misspelt email domain is pointed out while typing, and the button waits for the answer.
import { Link } from "@/components/i18n/link";
import { useActionState, useEffect, useRef, useState, useSyncExternalStore, type FormEvent, type ReactNode } from "react";
import { useLocale, useTranslations } from "@/components/i18n/client-text";
import { CheckboxField } from "@/components/checkout/checkbox-field";
import { ErrorSummary, type SummaryEntry } from "@/components/checkout/error-summary";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { inputClasses } from "@/components/ui/input";
import { parseEmail } from "@/lib/accounts/email-address";
import { formatExpiryAsTyped } from "@/lib/payments/card-expiry";
import { formatPrice } from "@/lib/i18n/format";
import type { CheckoutFieldError } from "@/lib/orders/checkout-schema";
import { placeOrderAction } from "./actions";
import { orderTotalMinor, priceKey, totalCurrency, type PriceTexts } from "./price-texts";
import type { CheckoutFormError } from "@/lib/orders/checkout";

export type CheckoutFormTicketType = {
  id: string;
  /** The form field of its quantity. */
  field: string;
  name: string;
  description: string | null;
  priceMinor: number;
  currency: string;
  maxQuantity: number;
};

type CheckoutFormProps = {
  eventSlug: string;
  organizerName: string;
  ticketTypes: CheckoutFormTicketType[];
  initialQuantities: Record<string, number>;
  /** The prices shown before the buyer changes anything, formatted by the server (price-texts.ts). */
  priceTexts: PriceTexts;
  /** Made when the page was rendered; the same key always means the same purchase. */
  idempotencyKey: string;
  paymentFlow: "card-form" | "redirect";
  /** Shown above the card fields (test cards) or in their place (Stripe). */
  paymentNote: ReactNode;
  /** Posted along as they are: a waiting-list offer's entry and signed key (lib/waiting-list/checkout-offer.ts). */
  hiddenFields?: Record<string, string>;
};

const subscribeNothing = () => () => {};

/** True once the page runs JavaScript: controls that need it are rendered only then. */
function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribeNothing,
    () => true,
    () => false,
  );
}

// A field that takes its rows from the grid around it (see the card's expiry and CVC).
const pairedFieldClasses = "row-span-4 grid! grid-rows-subgrid";

/** Puts the slash in the expiry as the buyer types digits at its end; deleting is left alone. */
function typeExpiry(event: FormEvent<HTMLInputElement>) {
  const input = event.currentTarget;
  const inputType = (event.nativeEvent as InputEvent).inputType ?? "";
  if (inputType.startsWith("delete") || input.selectionStart !== input.value.length) return;
  const formatted = formatExpiryAsTyped(input.value);
  if (formatted !== input.value) input.value = formatted;
}

const fieldIds = {
  name: "checkout-name",
  email: "checkout-email",
  emailConfirm: "checkout-email-confirm",
  cardNumber: "checkout-card-number",
  cardExpiry: "checkout-card-expiry",
  cardCvc: "checkout-card-cvc",
  terms: "checkout-terms",
  tickets: "checkout-tickets",
} as const;

function clampQuantities(raw: Record<string, string | number>, types: CheckoutFormTicketType[]): Record<string, number> {
  return Object.fromEntries(
    types.map((type) => {
      const value = Number(raw[type.id] ?? 0);
      return [type.id, Number.isInteger(value) ? Math.max(0, Math.min(value, type.maxQuantity)) : 0];
    }),
  );
}

export function CheckoutForm({
  eventSlug,
  organizerName,
  ticketTypes: renderedTypes,
  initialQuantities,
  priceTexts,
  idempotencyKey,
  paymentFlow,
  paymentNote,
  hiddenFields,
}: CheckoutFormProps) {
  const t = useTranslations("Checkout");
  const locale = useLocale();
  const hydrated = useHydrated();
  const [answer, formAction, submitting] = useActionState(placeOrderAction, null);
  // A placed order comes back as its address and this page goes there (the action renders no
  // page of its own); without JavaScript the action redirects instead.
  const state = answer && !answer.ok ? answer : null;
  // A refusal brings how many of each type one order may have now (sold out since the page was
  // rendered, say); a type it does not name is no longer for sale.
  const available = state?.available;
  const ticketTypes = available ? renderedTypes.map((type) => ({ ...type, maxQuantity: available[type.id] ?? 0 })) : renderedTypes;
  const placedAt = answer?.ok ? answer.location : null;
  const pending = submitting || placedAt !== null;
  useEffect(() => {
    // A whole page load: the confirmation (or the payment provider's page) starts afresh.
    if (placedAt !== null) window.location.assign(placedAt);
  }, [placedAt]);

  // Quantities are controlled so the total can follow them; each answer from the server
  // brings back what was posted, and the form is mounted afresh with it (React resets a form
  // after its action, which would otherwise put the selects back to their first option).
  // Without JavaScript the page is rendered with the answer already in `state`.
  const [quantities, setQuantities] = useState(() => clampQuantities(state?.values.quantities ?? initialQuantities, ticketTypes));
  const [answered, setAnswered] = useState(state);
  const [answers, setAnswers] = useState(0);
  const [liveSuggestion, setLiveSuggestion] = useState<{ email: string; suggestion: string } | null>(null);
  const [appliedSuggestion, setAppliedSuggestion] = useState<string | null>(null);
  if (state !== answered) {
    setAnswered(state);
    setAnswers((count) => count + 1);
    setAppliedSuggestion(null);
    setLiveSuggestion(null);
    if (state) setQuantities(clampQuantities(state.values.quantities, ticketTypes));
  }
  const emailRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLInputElement>(null);

  const values = state?.values;
  const fieldErrors = state?.fieldErrors ?? {};
  const currency = totalCurrency(ticketTypes);
  const price = (minor: number, of: string) => priceTexts[priceKey(minor, of)] ?? formatPrice(minor, of, locale);
  const count = ticketTypes.reduce((sum, type) => sum + Math.min(quantities[type.id] ?? 0, type.maxQuantity), 0);
  const totalMinor = orderTotalMinor(ticketTypes, quantities);
  const anyPaid = ticketTypes.some((type) => type.priceMinor > 0 && type.maxQuantity > 0);
  const showCardFields = paymentFlow === "card-form" && (totalMinor > 0 || (count === 0 && anyPaid));
  const showRedirectNote = paymentFlow === "redirect" && (totalMinor > 0 || (count === 0 && anyPaid));

  function message(error: CheckoutFieldError | undefined): string | null {
    if (!error) return null;
    return t(`errors.${error.code}`, { max: error.max ?? 0, suggestion: error.suggestion ?? "" });
  }

  function refusal(error: CheckoutFormError): string {
    return t(`refusals.${error.code}`, {
      ticketType: error.ticketTypeName ?? "",
      max: error.max ?? 0,
      hasType: error.ticketTypeName ? "yes" : "no",
    });
  }

  const emailError = fieldErrors.email?.code === "email_suggestion" && appliedSuggestion ? undefined : fieldErrors.email;
  const suggestion = liveSuggestion?.suggestion ?? (emailError?.code === "email_suggestion" ? emailError.suggestion : undefined);
  const suggestionSeenFor = liveSuggestion?.email ?? values?.suggestionSeenFor ?? "";

  const summary: SummaryEntry[] = [];
  const add = (fieldId: string, error: CheckoutFieldError | undefined) => {
    const text = message(error);
    if (text) summary.push({ fieldId, message: text });
  };
  add(fieldIds.tickets, fieldErrors.tickets);
  for (const type of ticketTypes) add(`checkout-${type.field}`, fieldErrors[type.field]);
  add(fieldIds.name, fieldErrors.name);
  add(fieldIds.email, emailError);
  add(fieldIds.emailConfirm, fieldErrors.emailConfirm);
  if (showCardFields) {
    add(fieldIds.cardNumber, fieldErrors.cardNumber);
    add(fieldIds.cardExpiry, fieldErrors.cardExpiry);
    add(fieldIds.cardCvc, fieldErrors.cardCvc);
  }
  add(fieldIds.terms, fieldErrors.terms);
  add(fieldIds.name, fieldErrors.idempotencyKey);

  function checkEmail(value: string) {
    const parsed = parseEmail(value);
    setLiveSuggestion(parsed.ok && parsed.suggestion ? { email: parsed.email, suggestion: parsed.suggestion } : null);
  }

  function applySuggestion(corrected: string) {
    const email = emailRef.current;
    const confirm = confirmRef.current;
    if (!email) return;
    const before = parseEmail(email.value);
    const confirmed = confirm ? parseEmail(confirm.value) : null;
    // The second field follows when it held the same misspelt address (or nothing yet).
    if (confirm && (confirm.value.trim() === "" || (before.ok && confirmed?.ok && confirmed.email === before.email))) {
      confirm.value = corrected;
    }
    email.value = corrected;
    setLiveSuggestion(null);
    setAppliedSuggestion(corrected);
    email.focus();
  }

  const linkClasses = "font-semibold text-indigo-800 underline underline-offset-4 hover:text-indigo-950";
  const sectionClasses = "flex flex-col gap-4 rounded-2xl border border-zinc-200 bg-white p-4 shadow-sm sm:p-6";
  const legendClasses = "float-left mb-2 w-full text-xl font-bold text-zinc-950";

  return (
    <form key={answers} action={formAction} noValidate className="flex flex-col gap-6">
      <ErrorSummary formError={state?.refusal ? refusal(state.refusal) : null} entries={summary} focusKey={state} />

      <input type="hidden" name="event" value={eventSlug} />
      {Object.entries(hiddenFields ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {/* Only a form running JavaScript asks for the order's address instead of a redirect. */}
      {hydrated ? <input type="hidden" name="answer" value="address" /> : null}
      <input type="hidden" name="idempotencyKey" value={state?.idempotencyKey ?? idempotencyKey} />
      <input type="hidden" name="suggestionSeenFor" value={suggestionSeenFor} />

      <fieldset
        id={fieldIds.tickets}
        tabIndex={-1}
        aria-describedby={fieldErrors.tickets ? `${fieldIds.tickets}-error` : undefined}
        className={sectionClasses}
      >
        <legend className={legendClasses}>{t("ticketsLegend")}</legend>
        {fieldErrors.tickets ? (
          <p id={`${fieldIds.tickets}-error`} className="text-sm font-medium text-red-700">
            {message(fieldErrors.tickets)}
          </p>
        ) : null}
        {ticketTypes.length === 0 ? <p className="text-zinc-700">{t("noTicketTypes")}</p> : null}
        <ul className="flex flex-col divide-y divide-zinc-200">
          {ticketTypes.map((type) => {
            const unitPrice = type.priceMinor === 0 ? t("free") : price(type.priceMinor, type.currency);
            const hint = type.description ? `${unitPrice} · ${type.description}` : unitPrice;
            if (type.maxQuantity === 0) {
              // Sold out, perhaps since the buyer chose it: the error summary links here then.
              const error = message(fieldErrors[type.field]);
              return (
                <li key={type.id} id={`checkout-${type.field}`} tabIndex={error ? -1 : undefined} className="py-3">
                  <div className="flex items-center justify-between gap-4">
                    <div>
                      <p className="font-semibold text-zinc-900">{type.name}</p>
                      <p className="text-sm text-zinc-700">{hint}</p>
                    </div>
                    <p className="font-semibold text-zinc-700">{t("soldOut")}</p>
                  </div>
                  {error ? <p className="mt-1 text-sm font-medium text-red-700">{error}</p> : null}
                </li>
              );
            }
            return (
              <li key={type.id} className="py-3">
                <Field
                  id={`checkout-${type.field}`}
                  name={type.field}
                  label={
                    <>
                      {type.name}
                      <span className="sr-only">{t("quantitySuffix")}</span>
                    </>
                  }
                  hint={hint}
                  error={message(fieldErrors[type.field])}
                >
                  {(control) => (
                    <select
                      {...control}
                      value={Math.min(quantities[type.id] ?? 0, type.maxQuantity)}
                      onChange={(event) => setQuantities((current) => ({ ...current, [type.id]: Number(event.target.value) }))}
                      className={`${inputClasses} max-w-32`}
                    >
                      {Array.from({ length: type.maxQuantity + 1 }, (_, n) => (
                        <option key={n} value={n}>
                          {n}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
              </li>
            );
          })}
        </ul>
        <p className="flex items-baseline justify-between border-t border-zinc-300 pt-3 text-lg">
          <span className="font-semibold text-zinc-900">{t("total", { count })}</span>
          <span className="font-bold text-zinc-950">{price(totalMinor, currency)}</span>
        </p>
      </fieldset>

      <fieldset className={sectionClasses}>
        <legend className={legendClasses}>{t("buyerLegend")}</legend>
        <Field
          id={fieldIds.name}
          name="name"
          label={t("name")}
          autoComplete="name"
          required
          maxLength={200}
          defaultValue={values?.name ?? ""}
          error={message(fieldErrors.name)}
        />
        <div className="flex flex-col gap-2">
          <Field
            ref={emailRef}
            id={fieldIds.email}
            name="email"
            type="email"
            inputMode="email"
            label={t("email")}
            hint={t("emailHint")}
            autoComplete="email"
            autoCapitalize="none"
            spellCheck={false}
            required
            defaultValue={values?.email ?? ""}
            error={message(emailError)}
            onBlur={(event) => checkEmail(event.currentTarget.value)}
            onChange={(event) => {
              if (liveSuggestion) checkEmail(event.currentTarget.value);
            }}
          />
          <div aria-live="polite">
            {liveSuggestion ? <p className="text-sm text-zinc-900">{t("suggestion", { suggestion: liveSuggestion.suggestion })}</p> : null}
            {hydrated && suggestion ? (
              <Button variant="secondary" size="sm" className="mt-1" onClick={() => applySuggestion(suggestion)}>
                {t("useSuggestion", { suggestion })}
              </Button>
            ) : null}
          </div>
        </div>
        <Field
          ref={confirmRef}
          id={fieldIds.emailConfirm}
          name="emailConfirm"
          type="email"
          inputMode="email"
          label={t("emailConfirm")}
          autoComplete="email"
          autoCapitalize="none"
          spellCheck={false}
          required
          defaultValue={values?.emailConfirm ?? ""}
          error={message(fieldErrors.emailConfirm)}
        />
      </fieldset>

      {showCardFields || showRedirectNote ? (
        <fieldset className={sectionClasses}>
          <legend className={legendClasses}>{t("paymentLegend")}</legend>
          {paymentNote}
          {showCardFields ? (
            <>
              <Field
                id={fieldIds.cardNumber}
                name="cardNumber"
                label={t("cardNumber")}
                autoComplete="cc-number"
                inputMode="numeric"
                required
                maxLength={23}
                defaultValue=""
                error={message(fieldErrors.cardNumber)}
              />
              {/* The two fields share the rows of one grid (label, hint, input, error), so the
                  inputs line up however their labels and hints wrap on a narrow phone. */}
              <div className="grid grid-cols-2 gap-x-4 gap-y-1.5">
                <Field
                  id={fieldIds.cardExpiry}
                  name="cardExpiry"
                  label={t("cardExpiry")}
                  hint={t("cardExpiryHint")}
                  autoComplete="cc-exp"
                  inputMode="numeric"
                  required
                  maxLength={9}
                  defaultValue=""
                  error={message(fieldErrors.cardExpiry)}
                  className={pairedFieldClasses}
                  onInput={typeExpiry}
                />
                <Field
                  className={pairedFieldClasses}
                  id={fieldIds.cardCvc}
                  name="cardCvc"
                  label={t("cardCvc")}
                  hint={t("cardCvcHint")}
                  autoComplete="cc-csc"
                  inputMode="numeric"
                  required
                  maxLength={4}
                  defaultValue=""
                  error={message(fieldErrors.cardCvc)}
                />
              </div>
            </>
          ) : null}
        </fieldset>
      ) : null}

      <div className="flex flex-col gap-4">
        <CheckboxField
          id={fieldIds.terms}
          name="terms"
          required
          defaultChecked={values?.terms ?? false}
          error={message(fieldErrors.terms)}
          label={t.rich("terms", {
            link: (chunks) => (
              <Link href="/help#terms" className={linkClasses}>
                {chunks}
              </Link>
            ),
          })}
        />
        <CheckboxField
          id="checkout-marketing"
          name="marketingOptIn"
          defaultChecked={values?.marketingOptIn ?? false}
          label={t("marketingOptIn", { organizer: organizerName })}
          hint={t("marketingOptInHint", { organizer: organizerName })}
        />
      </div>

      <div className="flex flex-col gap-3">
        <Button type="submit" size="lg" fullWidth disabled={pending}>
          {pending ? t("submitPending") : paymentFlow === "redirect" && totalMinor > 0 ? t("submitRedirect") : t("submit")}
        </Button>
        <p role="status" className="sr-only">
          {pending ? t("submitPending") : ""}
        </p>
        <p className="text-sm text-zinc-700">
          {t.rich("helpLine", {
            payments: (chunks) => (
              <Link href="/payments" className={linkClasses}>
                {chunks}
              </Link>
            ),
            help: (chunks) => (
              <Link href="/help" className={linkClasses}>
                {chunks}
              </Link>
            ),
          })}
        </p>
      </div>
    </form>
  );
}
