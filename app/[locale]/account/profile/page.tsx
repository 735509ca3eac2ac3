import type { Metadata } from "next";
import { Link } from "@/components/i18n/link";
import { signInPath } from "@/lib/guards";
import { localizedPath, redirectLocalized } from "@/lib/i18n/server";
import { getTranslations } from "next-intl/server";
import { Avatar } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { getProfileSettings } from "@/lib/profile/queries";
import { NAME_MAX_LENGTH } from "@/lib/profile/update-profile";
import { MAX_INPUT_PIXELS, MAX_INPUT_SIDE, MAX_UPLOAD_BYTES } from "@/lib/uploads/image-rules";
import { requireUser } from "@/lib/guards";
import { removeAvatarAction } from "./actions";
import { AvatarForm } from "./avatar-form";
import { ProfileForm } from "./profile-form";
import { FlashNotice } from "@/components/ui/notice";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Profile");
  return { title: t("title"), robots: { index: false } };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const linkClasses = "font-semibold text-indigo-800 underline underline-offset-4 hover:text-indigo-950";

/** Name, language, picture, and the way to change the email address. */
export default async function ProfilePage({ searchParams }: Props) {
  const user = await requireUser("/account/profile");
  const [t, query, profile] = await Promise.all([getTranslations("Profile"), searchParams, getProfileSettings(user.id)]);
  if (!profile) return redirectLocalized(signInPath(await localizedPath("/account/profile")));

  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6 px-4 py-6 sm:px-6 sm:py-10">
      <div className="flex flex-col gap-2">
        <Link href="/account" className={`self-start ${linkClasses}`}>
          {t("backToAccount")}
        </Link>
        <h1 className="text-3xl font-extrabold tracking-tight text-zinc-950">{t("heading")}</h1>
      </div>
      <FlashNotice
        value={query.notice}
        messages={{
          saved: t("notices.saved"),
          "picture-saved": t("notices.pictureSaved"),
          "picture-removed": t("notices.pictureRemoved"),
          "email-changed": t("notices.emailChanged"),
        }}
      />

      <Card as="section" aria-labelledby="profile-picture" className="flex flex-col gap-4 p-4 sm:p-6">
        <h2 id="profile-picture" className="text-xl font-bold text-zinc-950">
          {t("picture.heading")}
        </h2>
        <div className="flex items-center gap-4">
          <Avatar name={profile.name} email={profile.email} image={profile.image} size={96} />
          <p className="text-zinc-700">{profile.image ? t("picture.current") : t("picture.none")}</p>
        </div>
        <AvatarForm
          hasPicture={profile.image !== null}
          maxBytes={MAX_UPLOAD_BYTES}
          maxSide={MAX_INPUT_SIDE}
          maxMegapixels={MAX_INPUT_PIXELS / 1_000_000}
        />
        {profile.image ? (
          <form action={removeAvatarAction} className="border-t border-zinc-200 pt-4">
            <Button type="submit" variant="secondary">
              {t("picture.remove")}
            </Button>
          </form>
        ) : null}
      </Card>

      <Card as="section" aria-labelledby="profile-details" className="flex flex-col gap-4 p-4 sm:p-6">
        <h2 id="profile-details" className="text-xl font-bold text-zinc-950">
          {t("details.heading")}
        </h2>
        <ProfileForm name={profile.name ?? ""} locale={profile.locale} nameMaxLength={NAME_MAX_LENGTH} />
      </Card>

      <Card as="section" aria-labelledby="profile-email" className="flex flex-col gap-3 p-4 sm:p-6">
        <h2 id="profile-email" className="text-xl font-bold text-zinc-950">
          {t("email.heading")}
        </h2>
        <p className="break-words text-zinc-800">{t("email.current", { email: profile.email })}</p>
        <Link href="/account/email" className={`self-start ${linkClasses}`}>
          {t("email.change")}
        </Link>
      </Card>
    </div>
  );
}
