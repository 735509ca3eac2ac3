// Which message namespaces reach the browser, and where. Client components translate with
// components/i18n/client-text.tsx, which only knows what a provider above it was given: the
// root layout gives `site`, and each area's layout adds its own. Everything else stays on the
// server. tests/i18n/client-namespaces.test.ts checks every client component against this.
import type { Messages } from "./messages";

type Namespace = keyof Messages;

export const clientNamespaces = {
  site: [
    "ErrorPage",
    "LanguageSwitcher",
    "Dialog",
    "Likes",
    "Field",
    "Header",
    "UserMenu",
    "OrganizerMenu",
    "NotFound",
    "EventNotFound",
    "LanguageHint",
  ],
  checkout: ["Checkout"],
  orders: ["BuyerCorrection"],
  login: ["LoginPage", "ForgotPage", "Auth"],
  account: ["PublicProfile", "Profile", "OrderClaim", "EmailChange", "Tickets", "PrivacyDelete", "AccessTokens", "PasswordPage", "Auth"],
  organizer: ["OrderCorrection", "CheckIn", "OrganizerMessages", "OrganizerEvents", "EventCancellation"],
} as const satisfies Record<string, readonly Namespace[]>;

export type ClientArea = keyof typeof clientNamespaces;
