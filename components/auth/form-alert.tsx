"use client";
// A message about the whole sign-in form (a refusal, or "we sent a link"). After a post it takes
// the focus when JavaScript runs, so a screen reader reads it out and a keyboard user starts there.
import { useEffect, useRef, type ReactNode } from "react";
import { classNames } from "@/components/ui/class-names";

export function FormAlert({
  id,
  tone,
  focusKey,
  children,
}: {
  id?: string;
  tone: "error" | "success";
  /** Changes with every answer from the server, so the focus moves again after each post. */
  focusKey?: unknown;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusKey) ref.current?.focus();
  }, [focusKey]);
  return (
    <div
      ref={ref}
      id={id}
      tabIndex={-1}
      role={tone === "error" ? "alert" : "status"}
      className={classNames(
        "rounded-xl border-2 p-4 font-medium text-zinc-900 focus:outline-2 focus:outline-offset-2",
        tone === "error" ? "border-red-700 bg-red-50 focus:outline-red-700" : "border-green-700 bg-green-50 focus:outline-green-700",
      )}
    >
      {children}
    </div>
  );
}
