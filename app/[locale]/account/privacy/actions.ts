"use server";
// The privacy pages' actions: each calls one function in lib/privacy; the page's links and
// buttons are never the security boundary.
import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { redirectLocalized } from "@/lib/i18n/server";
import { z } from "zod";
import { SECURE_SESSION_COOKIE, SESSION_COOKIE } from "@/lib/accounts/change-password";
import { userAction, type ActionResult, type SharedRefusal } from "@/lib/actions";
import { env } from "@/lib/env";
import { form } from "@/lib/forms";
import { withdrawConsent } from "@/lib/privacy/consents";
import { requestAccountDeletion, type DeletionConfirmation } from "@/lib/privacy/delete-account";

export const withdrawConsentAction = userAction({
  form: true,
  returnPath: "/account/privacy",
  schema: z.object({ consentId: form.text(100) }),
  run: async ({ consentId }, { user }): Promise<SharedRefusal> => {
    const result = await withdrawConsent({ userId: user.id, consentId });
    // Someone else's consent and an unknown id look the same: not found.
    if (result === "not_found") return { ok: false, error: "not_found" };
    revalidatePath("/account/privacy");
    return redirectLocalized(result === "withdrawn" ? "/account/privacy?notice=withdrawn" : "/account/privacy");
  },
});

export type DeleteAccountFormState = ActionResult<
  object,
  "mismatch" | "rate_limited" | "sole_owner",
  /** `typed` is the address as typed, to show it again; a password is never sent back. */
  { method?: DeletionConfirmation; typed?: string; organizers?: string[] }
>;

export const deleteAccountAction = userAction({
  returnPath: "/account/privacy/delete",
  schema: z.object({ confirmation: form.text() }),
  run: async ({ confirmation }, { user }): Promise<DeleteAccountFormState | SharedRefusal> => {
    const result = await requestAccountDeletion({ userId: user.id, confirmation });
    if (!result.ok) {
      if (result.error === "no_such_user") return { ok: false, error: "no_such_user" };
      if (result.error === "sole_owner") return { ok: false, error: "sole_owner", fieldErrors: {}, organizers: result.organizers };
      return {
        ok: false,
        error: result.error,
        fieldErrors: {},
        method: result.method,
        typed: result.method === "email" ? confirmation.slice(0, 320) : undefined,
      };
    }
    // The Session rows went with the user; the browser's cookie is cleared too, under both names
    // Auth.js may have used (the __Secure- one only exists, and can only be cleared, over https).
    const jar = await cookies();
    jar.set(SESSION_COOKIE, "", { path: "/", maxAge: 0, httpOnly: true, sameSite: "lax" });
    if (env().SITE_URL.startsWith("https:"))
      jar.set(SECURE_SESSION_COOKIE, "", { path: "/", maxAge: 0, httpOnly: true, sameSite: "lax", secure: true });
    revalidatePath("/", "layout");
    return redirectLocalized("/account/deleted");
  },
});
