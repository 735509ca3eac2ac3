"use client";
// The header's right-hand end: the account menu for a signed-in visitor, a way to sign in for
// everybody else. The server sends the sign-in button to all (the page is cached); the browser
// swaps in the menu once /api/viewer has answered (components/viewer/viewer-provider.tsx).
import { useTranslations } from "@/components/i18n/client-text";
import { Button } from "@/components/ui/button";
import { useViewer } from "@/components/viewer/viewer-provider";
import { UserMenu } from "./user-menu";

export function AccountArea() {
  const t = useTranslations("Header");
  const viewer = useViewer();
  if (viewer.state === "known" && viewer.user) return <UserMenu user={viewer.user} />;
  return (
    <Button href="/login" variant="secondary" size="md">
      {t("signIn")}
    </Button>
  );
}
