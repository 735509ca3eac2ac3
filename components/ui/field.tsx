import { useId, type ComponentProps, type ReactNode } from "react";
import { useTranslations } from "@/components/i18n/client-text";
import { classNames } from "./class-names";
import { Input } from "./input";

/** What a form control needs to be tied to its label, hint and error. */
export type FieldControlProps = {
  id: string;
  name?: string;
  required?: boolean;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
};

export type FieldProps = Omit<ComponentProps<"input">, "children" | "id"> & {
  label: ReactNode;
  hint?: ReactNode;
  /** One message or several (zod's fieldErrors give a list); shown under the control. */
  error?: string | readonly string[] | null;
  id?: string;
  className?: string;
  /** Renders another control (select, textarea) in place of the text input. */
  children?: (control: FieldControlProps) => ReactNode;
};

/**
 * A labelled form control with its hint and error text right below it. The hint and error are
 * tied to the control with aria-describedby, and an error also sets aria-invalid, so a screen
 * reader announces them when the control gets focus.
 */
export function Field({ label, hint, error, id, className, children, ...inputProps }: FieldProps) {
  const t = useTranslations("Field");
  const generatedId = useId();
  const controlId = id ?? `field-${generatedId}`;
  const hintId = `${controlId}-hint`;
  const errorId = `${controlId}-error`;
  const errors = (typeof error === "string" ? [error] : (error ?? [])).filter((message) => message.length > 0);
  const invalid = errors.length > 0;
  const describedBy = [inputProps["aria-describedby"], hint ? hintId : null, invalid ? errorId : null].filter(Boolean).join(" ");

  const control: FieldControlProps = {
    id: controlId,
    name: inputProps.name,
    required: inputProps.required,
    "aria-describedby": describedBy || undefined,
    "aria-invalid": invalid ? true : undefined,
  };

  return (
    <div className={classNames("flex flex-col gap-1.5", className)}>
      <label htmlFor={controlId} className="text-sm font-semibold text-zinc-900">
        {label}
        {inputProps.required ? <span className="ml-1 font-normal text-zinc-700">({t("required")})</span> : null}
      </label>
      {hint ? (
        <p id={hintId} className="text-sm text-zinc-700">
          {hint}
        </p>
      ) : null}
      {children ? children(control) : <Input {...inputProps} {...control} />}
      {invalid ? (
        <p id={errorId} className="flex items-start gap-1.5 text-sm font-medium text-red-700">
          <svg aria-hidden="true" viewBox="0 0 20 20" className="mt-0.5 size-4 shrink-0 fill-current">
            <path d="M10 1.5a8.5 8.5 0 1 0 0 17 8.5 8.5 0 0 0 0-17Zm-.9 4h1.8v6h-1.8v-6Zm0 7.5h1.8v1.8h-1.8V13Z" />
          </svg>
          <span>
            <span className="sr-only">{t("errorPrefix")} </span>
            {errors.join(" ")}
          </span>
        </p>
      ) : null}
    </div>
  );
}
