import { Link } from "@/components/i18n/link";
import { useTranslations } from "next-intl";
import { LogoMark } from "./logo";
import { NavLink } from "./nav-link";
import { AccountArea } from "./account-area";

/** The bar on every page: home, events, and the visitor's account or a way to sign in (account-area.tsx). */
export function SiteHeader() {
  const t = useTranslations("Header");
  const site = useTranslations("Site");
  return (
    <header className="border-b border-zinc-200 bg-white">
      <div className="mx-auto flex max-w-6xl items-center gap-2 px-4 py-2 sm:gap-4 sm:px-6">
        <Link
          href="/"
          aria-label={t("homeLink")}
          className="-ml-2 inline-flex min-h-11 items-center gap-2 rounded-lg px-2 text-xl font-extrabold tracking-tight text-zinc-950 no-underline"
        >
          <LogoMark className="size-8 text-indigo-700" />
          <span>{site("name")}</span>
        </Link>
        <nav aria-label={t("primaryNav")} className="flex-1">
          <ul className="flex items-center gap-1">
            <li>
              <NavLink href="/events">{t("events")}</NavLink>
            </li>
          </ul>
        </nav>
        <AccountArea />
      </div>
    </header>
  );
}
