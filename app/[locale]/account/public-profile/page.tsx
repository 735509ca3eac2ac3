import type { Metadata } from "next";
import { Link } from "@/components/i18n/link";
import { signInPath } from "@/lib/guards";
import { localizedPath, redirectLocalized } from "@/lib/i18n/server";
import { getTranslations } from "next-intl/server";
import { Avatar } from "@/components/ui/avatar";
import { Card } from "@/components/ui/card";
import { HANDLE_MAX_LENGTH, HANDLE_MIN_LENGTH } from "@/lib/profile/handle";
import { BIO_MAX_LENGTH } from "@/lib/profile/public-profile";
import { getProfileSettings } from "@/lib/profile/queries";
import { requireUser } from "@/lib/guards";
import { PublicProfileForm } from "./public-profile-form";
import { FlashNotice } from "@/components/ui/notice";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("PublicProfile");
  return { title: t("title"), robots: { index: false } };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const linkClasses = "font-semibold text-indigo-800 underline underline-offset-4 hover:text-indigo-950";

/** What others may see at /u/<handle>, and whether they may see it at all. */
export default async function PublicProfilePage({ searchParams }: Props) {
  const user = await requireUser("/account/public-profile");
  const [t, query, profile] = await Promise.all([getTranslations("PublicProfile"), searchParams, getProfileSettings(user.id)]);
  if (!profile) return redirectLocalized(signInPath(await localizedPath("/account/public-profile")));
  const isPublic = profile.profilePublic && profile.handle !== null;

  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6 px-4 py-6 sm:px-6 sm:py-10">
      <div className="flex flex-col gap-2">
        <Link href="/account" className={`self-start ${linkClasses}`}>
          {t("backToAccount")}
        </Link>
        <h1 className="text-3xl font-extrabold tracking-tight text-zinc-950">{t("heading")}</h1>
        <p className="text-zinc-700">{t("intro")}</p>
      </div>
      <FlashNotice value={query.notice} messages={{ saved: t("saved") }} />

      <Card as="section" aria-labelledby="public-status" className="flex flex-col gap-3 p-4 sm:p-6">
        <h2 id="public-status" className="text-xl font-bold text-zinc-950">
          {isPublic ? t("statusPublic") : t("statusPrivate")}
        </h2>
        {isPublic ? (
          <Link href={`/u/${profile.handle}`} className={`self-start ${linkClasses}`}>
            {t("preview")}
          </Link>
        ) : null}
      </Card>

      <Card as="section" aria-labelledby="public-picture" className="flex flex-col gap-3 p-4 sm:p-6">
        <h2 id="public-picture" className="text-xl font-bold text-zinc-950">
          {t("pictureHeading")}
        </h2>
        <div className="flex items-center gap-4">
          <Avatar name={profile.name} email={profile.email} image={profile.image} size={64} />
          <div className="flex flex-col gap-1">
            {profile.name ? <span className="font-semibold text-zinc-900">{profile.name}</span> : null}
            {profile.image ? null : <span className="text-zinc-700">{t("pictureNone")}</span>}
            <Link href="/account/profile" className={`self-start ${linkClasses}`}>
              {t("pictureChange")}
            </Link>
          </div>
        </div>
      </Card>

      <Card as="section" aria-label={t("title")} className="p-4 sm:p-6">
        <PublicProfileForm
          handle={profile.handle ?? ""}
          bio={profile.bio ?? ""}
          profilePublic={profile.profilePublic}
          limits={{ handleMin: HANDLE_MIN_LENGTH, handleMax: HANDLE_MAX_LENGTH, bioMax: BIO_MAX_LENGTH }}
        />
      </Card>
    </div>
  );
}
