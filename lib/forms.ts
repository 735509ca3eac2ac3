// Reading a posted form, and turning a zod refusal into field errors: the one way for every
// server action (through lib/actions.ts) and every domain schema that reports per field.
import { z } from "zod";

/** A posted form as a plain object: one value per name, or an array when the name repeats. */
export function formFields(formData: FormData): Record<string, FormDataEntryValue | FormDataEntryValue[]> {
  const fields: Record<string, FormDataEntryValue | FormDataEntryValue[]> = {};
  for (const name of new Set(formData.keys())) {
    // Next adds its own fields ($ACTION_ID_…, $ACTION_REF_…) to forms posted without JavaScript.
    if (name.startsWith("$ACTION")) continue;
    const all = formData.getAll(name);
    fields[name] = all.length === 1 ? all[0] : all;
  }
  return fields;
}

/**
 * One message code per field, the first issue's: `code(issue)` turns an issue into the code
 * the form translates (by default its message, which our schemas set to a code).
 */
export function fieldErrorsOf<Code extends string = string>(
  error: z.ZodError,
  code: (issue: z.core.$ZodIssue) => Code = (issue) => issue.message as Code,
): Record<string, Code> {
  const fieldErrors: Record<string, Code> = {};
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? String(issue.path[0]) : "form";
    fieldErrors[field] ??= code(issue);
  }
  return fieldErrors;
}

/**
 * Readers for the pipeline's form schemas. They never refuse: a missing field, a file where
 * text belongs or a repeated name read as "" or the first value, and text is cut at `max`
 * characters. Whether the value is acceptable is the domain's rule, with its own message.
 */
const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

export const form = {
  text: (max = 100_000) =>
    z.preprocess((value) => {
      const one = first(value);
      return typeof one === "string" ? one.slice(0, max) : "";
    }, z.string()),
  /** A checkbox: present ("on", or any value) or not. */
  checkbox: () => z.preprocess((value) => first(value) !== undefined && first(value) !== "", z.boolean()),
  /** A file input as posted (lib/uploads checks what came), or null when the field is missing. */
  file: () =>
    z.preprocess(
      (value) => first(value) ?? null,
      z.custom<FormDataEntryValue | null>(() => true),
    ),
};
