"use client";
// "Send my tickets again" for one order. A plain form posting to a server action, so it works
// without JavaScript; the answer (sent, or the limit reached) is shown next to the button.
import { useActionState } from "react";
import { useTranslations } from "@/components/i18n/client-text";
import { Button } from "@/components/ui/button";
import { resendTicketsAction } from "./actions";

export function ResendTicketsForm({ orderId, requestKey }: { orderId: string; requestKey: string }) {
  const t = useTranslations("Tickets.resend");
  const [state, formAction, pending] = useActionState(resendTicketsAction, null);
  // A fresh key after each answer: the same rendering posted twice sends once, a later click again.
  const key = state?.nextKey ?? requestKey;
  const message = !state
    ? null
    : state.ok
      ? t("sent", { email: state.to })
      : state.error === "rate_limited"
        ? t("rateLimited", { minutes: state.retryAfterMinutes })
        : state.error === "not_paid"
          ? t("notPaid")
          : t("invalidForm");

  return (
    <form action={formAction} className="flex flex-col gap-2">
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="requestKey" value={key} />
      <Button type="submit" variant="secondary" disabled={pending} aria-disabled={pending} className="self-start">
        {pending ? t("sending") : t("button")}
      </Button>
      <p role="status" className={state?.ok ? "font-medium text-green-800" : "font-medium text-red-800"}>
        {message}
      </p>
    </form>
  );
}
