import type { ComponentProps } from "react";
import { classNames } from "./class-names";

export const inputClasses = classNames(
  "block w-full min-h-11 rounded-lg border border-zinc-500 bg-white px-3 py-2 text-base text-zinc-900",
  "placeholder:text-zinc-600",
  "focus-visible:border-indigo-700 focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-indigo-600",
  "aria-[invalid=true]:border-red-700 aria-[invalid=true]:focus-visible:outline-red-700",
  "disabled:cursor-not-allowed disabled:bg-zinc-100 disabled:text-zinc-600",
);

/** A text input. 16 px text keeps phones from zooming in on focus. */
export function Input({ className, type = "text", ...props }: ComponentProps<"input">) {
  return <input type={type} {...props} className={classNames(inputClasses, className)} />;
}
