// The web app manifest (/manifest.webmanifest): lets a phone install the site as an app whose
// start page is the home page. One manifest serves every visitor, so it speaks Swedish, the
// site's first language.
import type { MetadataRoute } from "next";
import { APP_ICON_192, APP_ICON_512, MASKABLE_ICON_512 } from "@/components/pwa/icons";
import { PWA_BACKGROUND_COLOR, PWA_THEME_COLOR } from "@/components/pwa/theme";
import { messages } from "@/lib/i18n/messages";

export default function manifest(): MetadataRoute.Manifest {
  const sv = messages.sv;
  return {
    id: "/",
    name: sv.Site.name,
    short_name: sv.Pwa.shortName,
    description: sv.Pwa.description,
    lang: "sv",
    dir: "ltr",
    start_url: "/",
    scope: "/",
    display: "standalone",
    orientation: "portrait",
    background_color: PWA_BACKGROUND_COLOR,
    theme_color: PWA_THEME_COLOR,
    categories: ["entertainment", "events"],
    icons: [
      { src: APP_ICON_192, sizes: "192x192", type: "image/png", purpose: "any" },
      { src: APP_ICON_512, sizes: "512x512", type: "image/png", purpose: "any" },
      { src: MASKABLE_ICON_512, sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
    shortcuts: [{ name: sv.Pwa.ticketsShortcut, url: "/account/tickets" }],
  };
}
