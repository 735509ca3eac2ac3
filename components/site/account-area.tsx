"use client";
// The header's right-hand end: the account menu for a signed-in visitor, a way to sign in for
// everybody else. The server sends the sign-in button to all (the page is cached); the browser
// swaps in the menu once /api/viewer has answered (components/viewer/viewer-provider.tsx).
// The menu's code is fetched only then: most visitors of a public page are not signed in.
import { lazy, Suspense } from "react";
import { useTranslations } from "@/components/i18n/client-text";
import { Button } from "@/components/ui/button";
import { useViewer } from "@/components/viewer/viewer-provider";

const UserMenu = lazy(() => import("./user-menu").then((module) => ({ default: module.UserMenu })));

export function AccountArea() {
  const t = useTranslations("Header");
  const viewer = useViewer();
  const signIn = (
    <Button href="/login" variant="secondary" size="md">
      {t("signIn")}
    </Button>
  );
  if (viewer.state === "known" && viewer.user) {
    return (
      <Suspense fallback={signIn}>
        <UserMenu user={viewer.user} />
      </Suspense>
    );
  }
  return signIn;
}
