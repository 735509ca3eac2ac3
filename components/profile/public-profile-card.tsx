import { useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import type { PublicProfile } from "@/lib/profile/queries";

/** A person's public page: only what they chose to show (never an email address). */
export function PublicProfileCard({ profile }: { profile: PublicProfile }) {
  const t = useTranslations("UserProfilePage");
  const displayName = profile.name?.trim() || `@${profile.handle}`;
  return (
    <Card as="article" aria-labelledby="public-profile-name" className="flex flex-col items-center gap-4 p-6 text-center sm:p-10">
      {profile.image ? (
        // eslint-disable-next-line @next/next/no-img-element -- our own re-encoded 512 px picture, served with a long cache
        <img
          src={profile.image}
          alt={t("pictureAlt", { name: displayName })}
          width={160}
          height={160}
          className="size-40 rounded-full object-cover"
        />
      ) : (
        <span
          aria-hidden="true"
          className="inline-flex size-40 items-center justify-center rounded-full bg-indigo-700 text-6xl font-semibold text-white"
        >
          {Array.from(displayName.replace(/^@/, ""))[0]?.toLocaleUpperCase()}
        </span>
      )}
      <div className="flex flex-col gap-1">
        <h1 id="public-profile-name" className="text-3xl font-extrabold tracking-tight break-words text-zinc-950">
          {displayName}
        </h1>
        {profile.name?.trim() ? <p className="text-zinc-700">@{profile.handle}</p> : null}
      </div>
      {profile.bio ? (
        <p className="max-w-prose text-lg break-words whitespace-pre-line text-zinc-800">{profile.bio}</p>
      ) : (
        <p className="text-zinc-700">{t("noBio")}</p>
      )}
    </Card>
  );
}
