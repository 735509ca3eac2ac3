import type { ReactNode } from "react";
import { useTranslations } from "@/components/i18n/client-text";
import { classNames } from "@/components/ui/class-names";

/**
 * A checkbox with its label beside it and its error below, tied together as Field ties a text
 * input: aria-describedby names the error, aria-invalid marks the box.
 */
export function CheckboxField({
  id,
  name,
  label,
  hint,
  error,
  defaultChecked,
  required,
  className,
}: {
  id: string;
  name: string;
  label: ReactNode;
  /** Shown under the label, beside the box, and read out with it. */
  hint?: ReactNode;
  error?: string | null;
  defaultChecked?: boolean;
  required?: boolean;
  className?: string;
}) {
  const t = useTranslations("Field");
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ");
  return (
    <div className={classNames("flex flex-col gap-1.5", className)}>
      <div className="flex items-start gap-3">
        <input
          type="checkbox"
          id={id}
          name={name}
          defaultChecked={defaultChecked}
          required={required}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
          className="mt-0.5 size-6 shrink-0 rounded border-zinc-500 accent-indigo-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
        />
        <div className="flex flex-col gap-1">
          <label htmlFor={id} className="text-base text-zinc-900">
            {label}
            {required ? <span className="ml-1 text-sm text-zinc-700">({t("required")})</span> : null}
          </label>
          {hint ? (
            <p id={hintId} className="text-sm text-zinc-700">
              {hint}
            </p>
          ) : null}
        </div>
      </div>
      {error ? (
        <p id={errorId} className="flex items-start gap-1.5 text-sm font-medium text-red-700">
          <svg aria-hidden="true" viewBox="0 0 20 20" className="mt-0.5 size-4 shrink-0 fill-current">
            <path d="M10 1.5a8.5 8.5 0 1 0 0 17 8.5 8.5 0 0 0 0-17Zm-.9 4h1.8v6h-1.8v-6Zm0 7.5h1.8v1.8h-1.8V13Z" />
          </svg>
          <span>
            <span className="sr-only">{t("errorPrefix")} </span>
            {error}
          </span>
        </p>
      ) : null}
    </div>
  );
}
