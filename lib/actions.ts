// The one way a server action is built. Every exported action of app/ (and lib/i18n) is made
// by publicAction, userAction or memberAction, which in this order:
//  1. read the posted form into a plain object and parse it with the action's zod schema
//     (lib/forms.ts: the same reading for every form);
//  2. find out who is asking: nobody in particular (public), the signed-in user (a visitor is
//     sent to sign in and comes back), or a member of the organizer whose role allows the
//     named capability of lib/organizers/roles.ts (anyone else gets the 404 of a missing page);
//  3. call the action's `run`, which calls one domain function of lib/ and answers with an
//     ActionResult: `{ ok: true, … }` or `{ ok: false, error, fieldErrors, … }`;
//  4. answer the refusals every domain shares itself: `not_found` with notFound(), and
//     `no_such_user` (the account went away meanwhile) with the sign-in redirect;
//  5. schedule side effects after the response with Next's after(): an action that queued an
//     email calls `emailQueued()`, and the in-process sender is woken once the answer is out
//     (only where there is one: with EMAIL_SENDER=worker, `npm run worker` finds the email).
// The pipeline keeps a registry of what it built; tests/authorization/entry-points.test.ts
// imports every actions module and fails on an export the pipeline did not build.
import "server-only";
import { notFound } from "next/navigation";
import { localizedPath, redirectLocalized } from "./i18n/server";
import { after } from "next/server";
import type { z } from "zod";
import type { FieldErrors } from "./action-result";
import type { SessionUser } from "./auth/callbacks";
import type { OrganizerRole } from "./db/types";
import { fieldErrorsOf, formFields } from "./forms";
import { sendsInApp } from "./outbox/sender-mode";
import { requireUser, signedInUser, signInPath } from "./guards";
import { findMemberEvent, findMembership, type Membership } from "./organizers/membership";
import type { OrganizerPermission } from "./organizers/roles";

export type { ActionResult, FieldErrors } from "./action-result";

/**
 * The refusals every domain function may give, which the pipeline answers itself: a `run` may
 * return them as they come (its return type is then `Promise<State | SharedRefusal>`).
 */
export type SharedRefusal = { ok: false; error: "not_found" | "no_such_user" };

type Effects = {
  /** Something was written to the outbox: wake the in-process sender after the response. */
  emailQueued(): void;
};

type Schema = z.ZodType<unknown, Record<string, unknown>>;

type Definition<S extends Schema, Context, Result> = {
  /** Reads the posted form; text readers (lib/forms.ts) never fail, domain rules come later. */
  schema: S;
  /** When the schema refuses the form: the answer to give (otherwise the post is refused as malformed). */
  invalid?: (fieldErrors: FieldErrors) => Answer<Result>;
  run: (input: z.output<S>, context: Context & Effects) => Promise<Result | SharedRefusal>;
};

/**
 * An action for `useActionState`: the previous answer, then the posted form. Its answer is
 * never null, but `useActionState` starts from null, so the type says it may be.
 */
export type StateAction<Result> = (previous: Answer<Result> | null, formData: FormData) => Promise<Answer<Result> | null>;
/**
 * An action posted by a plain `<form action={…}>` (which ends in a redirect or notFound(), so
 * its answer is `never`), or called with a FormData by a component that reads the answer.
 */
export type FormAction<Result> = (formData: FormData) => Promise<Answer<Result>>;
/** What reaches the caller: the shared refusals never do, the pipeline answers them. */
type Answer<Result> = Exclude<Result, SharedRefusal>;

export type ActionKind = "public" | "user" | "member";
const registry = new WeakMap<object, { kind: ActionKind; permission?: OrganizerPermission }>();

/** How the pipeline built `value`, or undefined when it did not. */
export function pipelineActionInfo(value: unknown) {
  return typeof value === "function" ? registry.get(value) : undefined;
}

function register<F extends (...args: never[]) => Promise<unknown>>(action: F, kind: ActionKind, permission?: OrganizerPermission): F {
  registry.set(action, { kind, permission });
  return action;
}

class MalformedForm extends Error {
  constructor() {
    super("The posted form does not match the action's schema");
  }
}

async function execute<S extends Schema, Context, Result>(
  definition: Definition<S, Context, Result>,
  formData: FormData,
  resolve: (input: z.output<S>) => Promise<{ context: Context; returnPath: string }>,
): Promise<Answer<Result>> {
  const parsed = definition.schema.safeParse(formFields(formData));
  if (!parsed.success) {
    if (definition.invalid) return definition.invalid(fieldErrorsOf(parsed.error));
    throw new MalformedForm();
  }
  const { context, returnPath } = await resolve(parsed.data);
  let wake = false;
  try {
    const result = await definition.run(parsed.data, { ...context, emailQueued: () => void (wake = true) });
    if (isSharedRefusal(result)) {
      if (result.error === "no_such_user") return redirectLocalized(signInPath(await localizedPath(returnPath)));
      notFound();
    }
    return result as Answer<Result>;
  } finally {
    // Also when run ended in redirect(), which throws: the email is queued all the same.
    if (wake && sendsInApp()) after(async () => (await import("./outbox/in-app")).wakeOutboxSender());
  }
}

function isSharedRefusal(result: unknown): result is SharedRefusal {
  if (typeof result !== "object" || result === null || !("ok" in result) || result.ok !== false || !("error" in result)) return false;
  return result.error === "not_found" || result.error === "no_such_user";
}

/** The two call shapes of an action that needs no bound scope: a plain form, or useActionState. */
function unscoped<S extends Schema, Context, Result>(
  definition: Definition<S, Context, Result> & { form?: boolean },
  kind: ActionKind,
  resolve: (input: z.output<S>) => Promise<{ context: Context; returnPath: string }>,
) {
  if (definition.form) return register(async (formData: FormData) => execute(definition, formData, resolve), kind);
  return register(async (_previous: Answer<Result> | null, formData: FormData) => execute(definition, formData, resolve), kind);
}

// ---- public: anyone may post; the signed-in user, if any, is one call away.

type PublicContext = { viewer: () => Promise<SessionUser | null> };

export function publicAction<S extends Schema, Result>(
  definition: Definition<S, PublicContext, Result> & { form: true },
): FormAction<Result>;
export function publicAction<S extends Schema, Result>(
  definition: Definition<S, PublicContext, Result> & { form?: false },
): StateAction<Result>;
export function publicAction<S extends Schema, Result>(definition: Definition<S, PublicContext, Result> & { form?: boolean }) {
  return unscoped(definition, "public", async () => ({ context: { viewer: signedInUser }, returnPath: "/" }));
}

// ---- user: the signed-in user, or the sign-in page coming back to `returnPath`.

type UserContext = { user: SessionUser };
type UserDefinition<S extends Schema, Result> = Definition<S, UserContext, Result> & {
  /** Where sign-in comes back to: one of our own paths, or one made from the parsed form. */
  returnPath: string | ((input: z.output<S>) => string);
};

export function userAction<S extends Schema, Result>(definition: UserDefinition<S, Result> & { form: true }): FormAction<Result>;
export function userAction<S extends Schema, Result>(definition: UserDefinition<S, Result> & { form?: false }): StateAction<Result>;
export function userAction<S extends Schema, Result>(definition: UserDefinition<S, Result> & { form?: boolean }) {
  return unscoped(definition, "user", async (input: z.output<S>) => {
    const returnPath = typeof definition.returnPath === "function" ? definition.returnPath(input) : definition.returnPath;
    return { context: { user: await requireUser(returnPath) }, returnPath };
  });
}

// ---- member: a member of the organizer whose role allows `permission` (roles.ts), else 404.

/** Bound by the page (never by a client component): which organizer, and which of its events or orders. */
export type MemberScope = { organizerId: string; eventId?: string; orderId?: string };

type MemberEvent = NonNullable<Awaited<ReturnType<typeof findMemberEvent>>>["event"];
type MemberContext = {
  user: SessionUser;
  role: OrganizerRole;
  organizer: Omit<Membership, "role">;
  scope: MemberScope;
  event: MemberEvent | null;
};
type MemberDefinition<S extends Schema, Result> = Definition<S, MemberContext, Result> & {
  permission: OrganizerPermission;
  /** With `event: true` the scope's event must be the organizer's (its row comes in the context). */
  event?: boolean;
  returnPath: (scope: MemberScope) => string;
};

/** An organizer action for `useActionState`, bound by its page to the scope. */
export type MemberStateAction<Result> = (
  scope: MemberScope,
  previous: Answer<Result> | null,
  formData: FormData,
) => Promise<Answer<Result> | null>;

export function memberAction<S extends Schema, Result>(definition: MemberDefinition<S, Result>): MemberStateAction<Result> {
  const resolveFor = (scope: MemberScope) => async () => {
    const returnPath = definition.returnPath(scope);
    const user = await requireUser(returnPath);
    const text = (value: unknown) => (typeof value === "string" ? value : "");
    const found = definition.event
      ? await findMemberEvent(user.id, text(scope?.organizerId), text(scope?.eventId), definition.permission)
      : { membership: await findMembership(user.id, text(scope?.organizerId), definition.permission), event: null };
    if (!found?.membership) notFound();
    const { role, ...organizer } = found.membership;
    return { context: { user, role, organizer, scope, event: found.event }, returnPath };
  };
  return register(
    async (scope: MemberScope, _previous: Answer<Result> | null, formData: FormData) => execute(definition, formData, resolveFor(scope)),
    "member",
    definition.permission,
  );
}
