"use server";
// The forgot-password form's action: a sign-in link that lands on the set-password page.
import { headers } from "next/headers";
import { requestSignInLink } from "@/lib/auth/request-link";
import { wakeOutboxSender } from "@/lib/outbox/in-app";
import { clientAddress } from "@/lib/rate-limit";
import { postedText, type ForgotFormState } from "../form-state";

const SET_PASSWORD_PATH = "/account/password";

export async function forgotPasswordAction(_previous: ForgotFormState, formData: FormData): Promise<ForgotFormState> {
  const email = postedText(formData, "email").trim();
  const result = await requestSignInLink({ email, callbackPath: SET_PASSWORD_PATH, clientAddress: clientAddress(await headers()) });
  if (!result.ok) return { ok: false, error: result.reason, email };
  wakeOutboxSender();
  return { ok: true, email };
}
