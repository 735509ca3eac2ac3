"use server";
// The privacy pages' actions. Each checks the session itself, then calls one function in
// lib/privacy; the page's links and buttons are never the security boundary.
import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { SECURE_SESSION_COOKIE, SESSION_COOKIE } from "@/lib/accounts/change-password";
import { env } from "@/lib/env";
import { withdrawConsent } from "@/lib/privacy/consents";
import { requestAccountDeletion, type DeletionConfirmation } from "@/lib/privacy/delete-account";
import { requireUser } from "../require-user";

export async function withdrawConsentAction(formData: FormData): Promise<void> {
  const user = await requireUser("/account/privacy");
  const consentId = formData.get("consentId");
  const result = typeof consentId === "string" ? await withdrawConsent({ userId: user.id, consentId }) : "not_found";
  // Someone else's consent and an unknown id look the same: not found.
  if (result === "not_found") notFound();
  revalidatePath("/account/privacy");
  redirect(result === "withdrawn" ? "/account/privacy?notice=withdrawn" : "/account/privacy");
}

export type DeleteAccountFormState =
  /** `typed` is the address as typed, to show it again; a password is never sent back. */
  | { ok: false; error: "mismatch" | "rate_limited"; method: DeletionConfirmation; typed?: string }
  | { ok: false; error: "sole_owner"; organizers: string[] }
  | null;

export async function deleteAccountAction(_previous: DeleteAccountFormState, formData: FormData): Promise<DeleteAccountFormState> {
  const user = await requireUser("/account/privacy/delete");
  const field = formData.get("confirmation");
  const confirmation = typeof field === "string" ? field : "";
  const result = await requestAccountDeletion({ userId: user.id, confirmation });
  if (!result.ok && result.error === "no_such_user") redirect("/login");
  if (!result.ok && result.error === "sole_owner") return result;
  if (!result.ok) return result.method === "email" ? { ...result, typed: confirmation.slice(0, 320) } : result;

  // The Session rows went with the user; the browser's cookie is cleared too, under both names
  // Auth.js may have used (the __Secure- one only exists, and can only be cleared, over https).
  const jar = await cookies();
  const secure = env().SITE_URL.startsWith("https:");
  jar.set(SESSION_COOKIE, "", { path: "/", maxAge: 0, httpOnly: true, sameSite: "lax" });
  if (secure) jar.set(SECURE_SESSION_COOKIE, "", { path: "/", maxAge: 0, httpOnly: true, sameSite: "lax", secure: true });
  revalidatePath("/", "layout");
  redirect("/account/deleted");
}
