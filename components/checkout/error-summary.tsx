"use client";
// The list of what to fix, at the top of a form that came back with errors. After a post it
// takes the focus (with JavaScript), so a screen reader reads it and a keyboard user starts
// there; each entry links to its field and focuses it.
import { useEffect, useRef, type MouseEvent } from "react";
import { useTranslations } from "@/components/i18n/client-text";

export type SummaryEntry = { fieldId: string; message: string };

export function ErrorSummary({
  formError,
  entries,
  focusKey,
}: {
  /** A refusal of the whole form (sold out, declined card), read out as an alert. */
  formError: string | null;
  entries: SummaryEntry[];
  /** Changes with every answer from the server, so the focus moves again after each post. */
  focusKey: unknown;
}) {
  const t = useTranslations("Checkout");
  const ref = useRef<HTMLDivElement>(null);
  const visible = formError !== null || entries.length > 0;

  useEffect(() => {
    if (focusKey && visible) ref.current?.focus();
  }, [focusKey, visible]);

  if (!visible) return null;

  function focusField(event: MouseEvent<HTMLAnchorElement>, fieldId: string) {
    const field = document.getElementById(fieldId);
    if (!field) return;
    event.preventDefault();
    field.scrollIntoView({ block: "center" });
    field.focus();
  }

  return (
    <div
      ref={ref}
      tabIndex={-1}
      aria-labelledby="checkout-error-heading"
      className="rounded-xl border-2 border-red-700 bg-red-50 p-4 text-zinc-900 focus:outline-2 focus:outline-offset-2 focus:outline-red-700"
    >
      <h2 id="checkout-error-heading" className="text-lg font-bold text-red-800">
        {formError ? t("summary.refused") : t("summary.heading", { count: entries.length })}
      </h2>
      {formError ? (
        <p role="alert" className="mt-1 font-medium">
          {formError}
        </p>
      ) : null}
      {entries.length > 0 ? (
        <ul className="mt-2 flex list-disc flex-col gap-1 pl-5">
          {entries.map((entry) => (
            <li key={entry.fieldId}>
              <a
                href={`#${entry.fieldId}`}
                onClick={(event) => focusField(event, entry.fieldId)}
                className="font-medium text-red-800 underline underline-offset-4 hover:text-red-950"
              >
                {entry.message}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
