// The site's icons, in public/icons: the manifest's (an installed app), and the ones every page
// names in its head. A page that names no icon makes each new visitor's browser ask for
// /favicon.ico, which the site does not have: a 404 on every first visit.
import type { Metadata } from "next";

export const APP_ICON_192 = "/icons/icon-192.png";
export const APP_ICON_512 = "/icons/icon-512.png";
export const MASKABLE_ICON_512 = "/icons/maskable-512.png";
export const APPLE_TOUCH_ICON = "/icons/apple-touch-icon.png";

/** The icons of every page's head: the tab's icon and the iPhone home screen's. */
export const PAGE_ICONS = {
  icon: [{ url: APP_ICON_192, sizes: "192x192", type: "image/png" }],
  apple: APPLE_TOUCH_ICON,
} satisfies Metadata["icons"];
