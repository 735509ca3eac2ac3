"use client";
// "Choose a password" in one click: a plain form posting the order's key, so it works without
// JavaScript; the answer replaces the button. Its words come translated from the page.
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { requestOrderPasswordLinkAction } from "./actions";

export type PasswordLinkFormText = { submit: string; sending: string; sent: string; rateLimited: string };

export function PasswordLinkForm({ orderId, orderKey, text }: { orderId: string; orderKey: string; text: PasswordLinkFormText }) {
  const [state, formAction, pending] = useActionState(requestOrderPasswordLinkAction, null);
  if (state?.ok) return <Notice tone="success">{text.sent}</Notice>;
  return (
    <form action={formAction} className="flex flex-col items-start gap-3">
      {state && !state.ok ? <Notice tone="danger">{text.rateLimited}</Notice> : null}
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="key" value={orderKey} />
      <Button type="submit" variant="secondary" disabled={pending} aria-disabled={pending}>
        {pending ? text.sending : text.submit}
      </Button>
    </form>
  );
}
