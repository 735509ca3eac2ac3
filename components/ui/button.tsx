import { Link } from "@/components/i18n/link";
import type { ComponentProps } from "react";
import { classNames } from "./class-names";

export type ButtonVariant = "primary" | "secondary" | "ghost" | "danger";
export type ButtonSize = "sm" | "md" | "lg";

const variants: Record<ButtonVariant, string> = {
  primary: "bg-indigo-700 text-white hover:bg-indigo-800 active:bg-indigo-900",
  secondary: "border border-zinc-400 bg-white text-zinc-900 hover:bg-zinc-100 active:bg-zinc-200",
  ghost: "text-zinc-900 hover:bg-zinc-100 active:bg-zinc-200",
  danger: "bg-red-700 text-white hover:bg-red-800 active:bg-red-900",
};

// Medium and large keep a 44 px touch target.
const sizes: Record<ButtonSize, string> = {
  sm: "min-h-9 px-3 text-sm",
  md: "min-h-11 px-4 text-base",
  lg: "min-h-12 px-6 text-lg",
};

/** The classes of a button, for the rare element that must look like one without being one. */
export function buttonClasses({
  variant = "primary",
  size = "md",
  fullWidth = false,
}: { variant?: ButtonVariant; size?: ButtonSize; fullWidth?: boolean } = {}): string {
  return classNames(
    "inline-flex items-center justify-center gap-2 rounded-lg font-semibold no-underline transition-colors",
    "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600",
    "disabled:cursor-not-allowed disabled:opacity-60 aria-disabled:cursor-not-allowed aria-disabled:opacity-60",
    variants[variant],
    sizes[size],
    fullWidth && "w-full",
  );
}

type StyleProps = { variant?: ButtonVariant; size?: ButtonSize; fullWidth?: boolean };

export type ButtonAsButtonProps = StyleProps & ComponentProps<"button"> & { href?: undefined };
export type ButtonAsLinkProps = StyleProps & Omit<ComponentProps<typeof Link>, "href"> & { href: string };
export type ButtonProps = ButtonAsButtonProps | ButtonAsLinkProps;

/**
 * A button, or with `href` a link that looks like one (navigation stays a link, so it opens in
 * a new tab and is announced as a link). A plain button defaults to type="button" so that it
 * never submits a form by accident; pass type="submit" for the one that should.
 */
export function Button(props: ButtonProps) {
  if (typeof props.href === "string") {
    const { variant, size, fullWidth, className, ...linkProps } = props as ButtonAsLinkProps;
    return <Link {...linkProps} className={classNames(buttonClasses({ variant, size, fullWidth }), className)} />;
  }
  const { variant, size, fullWidth, className, type = "button", ...buttonProps } = props as ButtonAsButtonProps;
  return <button {...buttonProps} type={type} className={classNames(buttonClasses({ variant, size, fullWidth }), className)} />;
}
