import type { ReactNode } from "react";
import { Body, Container, Head, Hr, Html, Link, Preview, Section, Text } from "react-email";
import { env } from "../../lib/env";
import type { AppLocale } from "../../lib/i18n/locales";
import { emailTranslator, supportTranslator } from "./translator";

const colors = { ink: "#1c1b22", muted: "#55535f", line: "#e4e2ea", page: "#f5f4f8", brand: "#5b21b6" };

export const emailStyles = {
  heading: { fontSize: "22px", lineHeight: "28px", fontWeight: 700, color: colors.ink, margin: "0 0 12px" },
  text: { fontSize: "15px", lineHeight: "22px", color: colors.ink, margin: "0 0 12px" },
  muted: { fontSize: "13px", lineHeight: "19px", color: colors.muted, margin: "0 0 8px" },
  button: {
    backgroundColor: colors.brand,
    color: "#ffffff",
    borderRadius: "8px",
    padding: "12px 20px",
    fontSize: "15px",
    fontWeight: 600,
    textDecoration: "none",
    display: "inline-block",
  },
  colors,
};

/**
 * Who answers the recipient's questions, said in every footer with the same sentences as the
 * help page and the order page (the Support messages): an email about an order names its
 * organizer, and says that replying reaches them when the email carries their Reply-To; every
 * email names the site's own support (SUPPORT_EMAIL) for accounts, signing in and payments.
 */
export type EmailAudience =
  /** It concerns the recipient's account: nobody reads replies, the site's support helps. */
  | "account"
  /** It concerns an order of `organizer`; `replyTo` when replies go to them. */
  | { organizer: string; replyTo: boolean; text?: string };

export function SupportRoutes({ locale, audience }: { locale: AppLocale; audience: EmailAudience }) {
  const t = supportTranslator(locale);
  const email = env().SUPPORT_EMAIL;
  return (
    <>
      {audience === "account" ? null : (
        <Text style={emailStyles.muted}>
          {audience.replyTo
            ? t("organizerReply", { organizer: audience.organizer })
            : t("organizerContact", { organizer: audience.organizer })}
        </Text>
      )}
      <Text style={emailStyles.muted}>
        {t.rich("site", {
          email,
          mail: (chunks) => (
            <Link href={`mailto:${email}`} style={{ color: colors.brand }}>
              {chunks}
            </Link>
          ),
        })}
      </Text>
    </>
  );
}

/**
 * `footer` says why the recipient gets the email and who answers their questions: "account"
 * (it concerns their account), or the organizer of the order it is about, with an optional
 * text of the template's own in place of "your address was given for a purchase".
 */
export function EmailLayout({
  locale,
  preview,
  footer,
  children,
}: {
  locale: AppLocale;
  preview: string;
  footer: EmailAudience;
  children: ReactNode;
}) {
  const t = emailTranslator(locale);
  const footerText = footer === "account" ? t("common.accountFooter") : (footer.text ?? t("common.footer"));
  return (
    <Html lang={locale}>
      <Head />
      <Preview>{preview}</Preview>
      <Body
        lang={locale}
        style={{ backgroundColor: colors.page, fontFamily: "Helvetica, Arial, sans-serif", margin: 0, padding: "24px 0" }}
      >
        <Container style={{ backgroundColor: "#ffffff", borderRadius: "12px", maxWidth: "560px", padding: "32px" }}>
          <Text style={{ ...emailStyles.muted, fontWeight: 700, color: colors.brand, fontSize: "16px" }}>{t("common.siteName")}</Text>
          {children}
          <Hr style={{ borderColor: colors.line, margin: "24px 0 16px" }} />
          <Section>
            <Text style={emailStyles.muted}>{footerText}</Text>
            <SupportRoutes locale={locale} audience={footer} />
          </Section>
        </Container>
      </Body>
    </Html>
  );
}
