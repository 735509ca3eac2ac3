import type { HTMLAttributes } from "react";
import { classNames } from "./class-names";

export type BadgeTone = "neutral" | "brand" | "danger" | "success";

// Dark text on a pale fill: every pair passes WCAG AA for small text.
const tones: Record<BadgeTone, string> = {
  neutral: "bg-zinc-100 text-zinc-800",
  brand: "bg-indigo-50 text-indigo-800",
  danger: "bg-red-50 text-red-800",
  success: "bg-green-50 text-green-800",
};

/** A short status label. */
export function Badge({ tone = "neutral", className, ...props }: HTMLAttributes<HTMLSpanElement> & { tone?: BadgeTone }) {
  return (
    <span
      {...props}
      className={classNames("inline-flex items-center rounded-full px-2.5 py-0.5 text-sm font-semibold", tones[tone], className)}
    />
  );
}
