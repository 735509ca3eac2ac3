// Who answers which questions, in the same sentences as every email footer (the Support
// messages): the organizer for an event or an order, reached by replying to the order
// confirmation; the site's own support (SUPPORT_EMAIL) for accounts, signing in and payments.
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { env } from "@/lib/env";

const linkClasses = "font-semibold text-indigo-800 underline underline-offset-4 hover:text-indigo-950";

/** `organizer` names the organizer of the order on the page; without it, the general rule (help page). */
export async function SupportRoutes({ organizer, className }: { organizer?: string; className?: string }) {
  const t = await getTranslations("Support");
  const email = env().SUPPORT_EMAIL;
  const mail = (chunks: ReactNode) => (
    <a href={`mailto:${email}`} className={linkClasses}>
      {chunks}
    </a>
  );
  return (
    <div className={className}>
      <p>{organizer ? t("organizerOrderPage", { organizer }) : t("organizerHelp")}</p>
      <p>{t.rich("site", { email, mail })}</p>
    </div>
  );
}
