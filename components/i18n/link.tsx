"use client";
// next/link in the reader's language: on an English page "/events" leads to "/en/events".
// Every link of ours goes through it (eslint bans next/link elsewhere).
import NextLink from "next/link";
import type { ComponentProps } from "react";
import { localizePath } from "@/lib/i18n/paths";
import { useLocale } from "./client-text";

export function Link({ href, ...props }: ComponentProps<typeof NextLink>) {
  const locale = useLocale();
  return <NextLink href={typeof href === "string" ? localizePath(href, locale) : href} {...props} />;
}
