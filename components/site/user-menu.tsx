"use client";
// The signed-in visitor's menu, drawn in the browser from /api/viewer (account-area.tsx).
import { useLocale, useTranslations } from "@/components/i18n/client-text";
import { localizePath } from "@/lib/i18n/paths";
import { Avatar } from "@/components/ui/avatar";
import { Menu, MenuFormItem, MenuLink, MenuSeparator } from "@/components/ui/menu";

/** `isOrganizer`: a member of some organizer (looked up by /api/viewer), who gets a link to /organizer. */
export type SiteUser = { name: string | null; email: string; image: string | null; isOrganizer?: boolean };

/** The signed-in visitor's picture and name, opening the menu of their account pages. */
export function UserMenu({ user }: { user: SiteUser }) {
  const t = useTranslations("UserMenu");
  const organizerT = useTranslations("OrganizerMenu");
  const locale = useLocale();
  const displayName = user.name?.trim() || user.email;
  return (
    <Menu
      label={t("trigger", { name: displayName })}
      trigger={
        <>
          <Avatar name={user.name} email={user.email} image={user.image} size={32} />
          <span className="hidden max-w-40 truncate font-semibold sm:inline">{displayName}</span>
        </>
      }
    >
      <MenuLink href="/account/tickets">{t("tickets")}</MenuLink>
      <MenuLink href="/account/liked">{t("liked")}</MenuLink>
      <MenuLink href="/account/profile">{t("profile")}</MenuLink>
      <MenuLink href="/account/public-profile">{t("publicProfile")}</MenuLink>
      {user.isOrganizer ? (
        <>
          <MenuSeparator />
          <MenuLink href="/organizer">{organizerT("link")}</MenuLink>
        </>
      ) : null}
      <MenuSeparator />
      {/* Signing out changes state, so it is a POST, never a link a crawler could follow. */}
      <MenuFormItem action={localizePath("/logout", locale)} method="post">
        {t("signOut")}
      </MenuFormItem>
    </Menu>
  );
}
