// The one answer shape of every server action (built by lib/actions.ts), and what forms read
// from it. No dependencies: client components import this module.

/**
 * One message per field name, which the form translates next to its field: a code, or a code
 * with what the message needs (the checkout's `{ code, max }`).
 */
export type FieldErrors<Field extends string = string, Message = string> = Partial<Record<Field, Message>>;

/**
 * What an action answers, and what `useActionState` holds after a post (null before one).
 * `Failure` adds to a refusal (the values to show again) and may narrow `fieldErrors` to the
 * form's own fields and codes.
 */
export type ActionResult<Data extends object = object, Error extends string = string, Failure extends object = object> =
  ({ ok: true } & Data) | ({ ok: false; error: Error; fieldErrors: FieldErrors<string, unknown> } & Failure);

type Failed<R> = Extract<R, { ok: false }>;

/** The refusal in a form's state, or null before a post and after a success. */
export function failureOf<R extends { ok: boolean }>(state: R | null | undefined): Failed<R> | null {
  return state && state.ok === false ? (state as Failed<R>) : null;
}
