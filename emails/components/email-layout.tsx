import type { ReactNode } from "react";
import { Body, Container, Head, Hr, Html, Preview, Section, Text } from "react-email";
import type { AppLocale } from "../../lib/i18n/locales";
import { emailTranslator } from "./translator";

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
 * `footer` says why the recipient gets the email: "purchase" (their address was given at a
 * checkout), "account" (it concerns their account), or a text of the template's own.
 */
export function EmailLayout({
  locale,
  preview,
  footer = "purchase",
  children,
}: {
  locale: AppLocale;
  preview: string;
  footer?: "purchase" | "account" | { text: string };
  children: ReactNode;
}) {
  const t = emailTranslator(locale);
  const footerText = footer === "purchase" ? t("common.footer") : footer === "account" ? t("common.accountFooter") : footer.text;
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
          </Section>
        </Container>
      </Body>
    </Html>
  );
}
