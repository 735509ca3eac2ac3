import type { ReactNode } from "react";
import { classNames } from "@/components/ui/class-names";

const tones = {
  success: "border-green-700 bg-green-50 text-green-900",
  danger: "border-red-700 bg-red-50 text-red-900",
  warning: "border-amber-600 bg-amber-50 text-amber-950",
  neutral: "border-zinc-400 bg-zinc-50 text-zinc-900",
};

/** A message about what just happened (or why a form is missing); announced when it appears. */
export function Notice({ tone, children, className }: { tone: keyof typeof tones; children: ReactNode; className?: string }) {
  return (
    <p
      role={tone === "danger" || tone === "warning" ? "alert" : "status"}
      className={classNames("rounded-lg border-l-4 p-3 font-medium", tones[tone], className)}
    >
      {children}
    </p>
  );
}

/**
 * The text a flash message left in the URL stands for (`?notice=saved` after a redirect): the
 * entry of `messages` for that value, null for a missing, repeated or unknown one.
 */
export function flashMessage<T>(value: string | string[] | undefined, messages: Record<string, T>): T | null {
  return typeof value === "string" && Object.hasOwn(messages, value) ? messages[value] : null;
}

/** A success notice for the flash message in the URL, if it is one of `messages`; nothing otherwise. */
export function FlashNotice({ value, messages }: { value: string | string[] | undefined; messages: Record<string, ReactNode> }) {
  const message = flashMessage(value, messages);
  return message ? <Notice tone="success">{message}</Notice> : null;
}
