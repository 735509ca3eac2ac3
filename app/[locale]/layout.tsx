import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { ClientMessages } from "@/components/i18n/client-messages";
import { LanguageHint } from "@/components/i18n/language-hint";
import { ServiceWorker } from "@/components/pwa/service-worker";
import { PAGE_ICONS } from "@/components/pwa/icons";
import { PWA_THEME_COLOR } from "@/components/pwa/theme";
import { SiteFooter } from "@/components/site/site-footer";
import { SiteHeader } from "@/components/site/site-header";
import { ViewerProvider } from "@/components/viewer/viewer-provider";
import "../globals.css";
import { env } from "@/lib/env";
import { defaultLocale, locales } from "@/lib/i18n/locales";

type LayoutProps = { children: ReactNode; params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Pick<LayoutProps, "params">): Promise<Metadata> {
  const requested = (await params).locale;
  const locale = hasLocale(locales, requested) ? requested : defaultLocale;
  const [t, site] = await Promise.all([getTranslations({ locale, namespace: "Metadata" }), getTranslations({ locale, namespace: "Site" })]);
  return {
    // Link previews and canonical links are absolute on SITE_URL, never on the request's host.
    metadataBase: new URL(env().SITE_URL),
    openGraph: { siteName: site("name") },
    title: { default: site("name"), template: t("titleTemplate") },
    description: t("description"),
    applicationName: site("name"),
    icons: PAGE_ICONS,
    appleWebApp: { capable: true, title: site("name"), statusBarStyle: "default" },
  };
}

export const viewport: Viewport = { themeColor: PWA_THEME_COLOR };

export default async function RootLayout({ children, params }: LayoutProps) {
  const { locale } = await params;
  if (!hasLocale(locales, locale)) notFound();
  // The language comes from the address, not from the request's headers (lib/i18n/routing.ts).
  setRequestLocale(locale);
  const t = await getTranslations("Layout");
  return (
    <html lang={locale}>
      <body className="flex min-h-dvh flex-col">
        <ClientMessages area="site">
          {/* Who is signed in is asked by the browser: the page itself is the same for everybody. */}
          <ViewerProvider>
            <a
              href="#content"
              className="sr-only z-50 rounded-lg bg-white px-4 py-3 font-semibold text-indigo-800 focus:not-sr-only focus:absolute focus:top-2 focus:left-2"
            >
              {t("skipToContent")}
            </a>
            <SiteHeader />
            <main id="content" tabIndex={-1} className="flex-1 focus:outline-none">
              {children}
            </main>
            <SiteFooter />
            <LanguageHint />
            <ServiceWorker />
          </ViewerProvider>
        </ClientMessages>
      </body>
    </html>
  );
}
