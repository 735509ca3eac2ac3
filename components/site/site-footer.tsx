import { Link } from "@/components/i18n/link";
import { useTranslations } from "next-intl";
import { LanguageSwitcher } from "./language-switcher";

const linkClasses =
  "inline-flex min-h-11 items-center rounded-lg px-1 text-zinc-800 underline decoration-zinc-400 underline-offset-4 hover:text-zinc-950 hover:decoration-zinc-800";

/** Help, payments and the language choice, at the bottom of every page. */
export function SiteFooter() {
  const t = useTranslations("Footer");
  const site = useTranslations("Site");
  return (
    <footer className="mt-16 border-t border-zinc-200 bg-zinc-50">
      <div className="mx-auto flex max-w-6xl flex-col gap-6 px-4 py-8 sm:flex-row sm:items-start sm:justify-between sm:px-6">
        <div className="flex flex-col gap-2">
          <p className="text-lg font-extrabold text-zinc-950">{site("name")}</p>
          <p className="max-w-sm text-zinc-700">{site("tagline")}</p>
          <nav aria-label={t("nav")}>
            <ul className="flex flex-wrap gap-x-4">
              <li>
                <Link href="/help" className={linkClasses}>
                  {t("help")}
                </Link>
              </li>
              <li>
                <Link href="/payments" className={linkClasses}>
                  {t("payments")}
                </Link>
              </li>
            </ul>
          </nav>
        </div>
        <LanguageSwitcher />
      </div>
    </footer>
  );
}
