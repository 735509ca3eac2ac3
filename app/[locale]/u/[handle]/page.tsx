import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PublicProfileCard } from "@/components/profile/public-profile-card";
import { env } from "@/lib/env";
import { getPublicProfile } from "@/lib/profile/queries";

type Props = { params: Promise<{ handle: string }> };

/*
 * A private profile and a handle nobody has give the same not-found page and the same
 * metadata, so the page cannot be used to learn which handles exist.
 */
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const profile = await getPublicProfile((await params).handle);
  if (!profile) {
    const t = await getTranslations("NotFound");
    return { title: t("title"), robots: { index: false } };
  }
  const name = profile.name?.trim() || `@${profile.handle}`;
  return {
    title: name,
    description: profile.bio ?? undefined,
    alternates: { canonical: `${env().SITE_URL}/u/${profile.handle}` },
    openGraph: {
      title: name,
      description: profile.bio ?? undefined,
      images: profile.image ? [new URL(profile.image, env().SITE_URL).toString()] : undefined,
      type: "profile",
    },
  };
}

export default async function UserProfilePage({ params }: Props) {
  const profile = await getPublicProfile((await params).handle);
  if (!profile) notFound();
  return (
    <div className="mx-auto flex w-full max-w-xl flex-col gap-6 px-4 py-6 sm:px-6 sm:py-10">
      <PublicProfileCard profile={profile} />
    </div>
  );
}
