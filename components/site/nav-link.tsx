"use client";
// A navigation link that tells assistive technology (aria-current) and the eye when it is the
// page being shown, or a section the current page belongs to.
import { Link } from "@/components/i18n/link";
import { usePathname } from "next/navigation";
import type { ComponentProps } from "react";
import { useLocale } from "@/components/i18n/client-text";
import { classNames } from "@/components/ui/class-names";
import { localizePath } from "@/lib/i18n/paths";

export function NavLink({ href, className, ...props }: Omit<ComponentProps<typeof Link>, "href"> & { href: string }) {
  const pathname = usePathname();
  const target = localizePath(href, useLocale());
  const exact = pathname === target;
  const within = !exact && href !== "/" && pathname?.startsWith(`${target}/`);
  return (
    <Link
      {...props}
      href={href}
      aria-current={exact ? "page" : within ? "true" : undefined}
      className={classNames(
        "inline-flex min-h-11 items-center rounded-lg px-3 font-semibold text-zinc-800 no-underline hover:bg-zinc-100 hover:text-zinc-950",
        "aria-[current]:text-indigo-800 aria-[current]:underline aria-[current]:decoration-2 aria-[current]:underline-offset-8",
        className,
      )}
    />
  );
}
