import type { Metadata } from "next";
import { Link } from "@/components/i18n/link";
import { getTranslations } from "next-intl/server";
import { LikedEvents } from "@/components/likes/liked-events";
import { listLikedNotBought } from "@/lib/likes/queries";
import { toggleLikeAction } from "@/app/[locale]/likes/actions";
import { requireUser } from "@/lib/guards";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("LikedPage");
  return { title: t("title"), robots: { index: false } };
}

/** The signed-in user's liked events that they have not bought tickets for yet. */
export default async function LikedPage() {
  const user = await requireUser("/account/liked");
  const [t, events] = await Promise.all([getTranslations("LikedPage"), listLikedNotBought(user.id)]);
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6 px-4 py-6 sm:px-6 sm:py-10">
      <Link href="/account" className="self-start text-indigo-800 underline underline-offset-4 hover:text-indigo-950">
        {t("backToAccount")}
      </Link>
      <h1 className="text-3xl font-extrabold tracking-tight text-zinc-950">{t("heading")}</h1>
      <LikedEvents events={events} action={toggleLikeAction} />
    </div>
  );
}
