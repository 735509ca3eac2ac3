import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { ClientMessages } from "@/components/i18n/client-messages";
import { ServiceWorker } from "@/components/pwa/service-worker";
import { PWA_THEME_COLOR } from "@/components/pwa/theme";
import { SiteFooter } from "@/components/site/site-footer";
import { SiteHeader } from "@/components/site/site-header";
import { auth } from "@/lib/auth";
import "../globals.css";
import { locales } from "@/lib/i18n/locales";
import { isOrganizerMember } from "@/lib/organizers/membership";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Metadata");
  const site = await getTranslations("Site");
  return {
    title: { default: site("name"), template: t("titleTemplate") },
    description: t("description"),
    applicationName: site("name"),
    icons: { apple: "/icons/apple-touch-icon.png" },
    appleWebApp: { capable: true, title: site("name"), statusBarStyle: "default" },
  };
}

export const viewport: Viewport = { themeColor: PWA_THEME_COLOR };

export default async function RootLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!hasLocale(locales, locale)) notFound();
  // The language comes from the address, not from the request's headers (lib/i18n/routing.ts).
  setRequestLocale(locale);
  const [t, session] = await Promise.all([getTranslations("Layout"), auth()]);
  // Only what the menu shows goes to the header (the session callback already leaves out the rest).
  const user = session?.user?.email
    ? {
        name: session.user.name ?? null,
        email: session.user.email,
        image: session.user.image ?? null,
        // Members of an organizer get a link to /organizer in the menu.
        isOrganizer: session.user.id ? await isOrganizerMember(session.user.id) : false,
      }
    : null;
  return (
    <html lang={locale}>
      <body className="flex min-h-dvh flex-col">
        <ClientMessages area="site">
          <a
            href="#content"
            className="sr-only z-50 rounded-lg bg-white px-4 py-3 font-semibold text-indigo-800 focus:not-sr-only focus:absolute focus:top-2 focus:left-2"
          >
            {t("skipToContent")}
          </a>
          <SiteHeader user={user} />
          <main id="content" tabIndex={-1} className="flex-1 focus:outline-none">
            {children}
          </main>
          <SiteFooter />
          <ServiceWorker userId={user ? (session?.user?.id ?? null) : null} />
        </ClientMessages>
      </body>
    </html>
  );
}
