import type { Metadata } from "next";
import { Link } from "@/components/i18n/link";
import { redirectLocalized } from "@/lib/i18n/server";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/guards";
import { organizersOf } from "@/lib/organizers/membership";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Organizer");
  return { title: t("title"), robots: { index: false } };
}

/** The organizers the signed-in user belongs to; with exactly one, straight to it. */
export default async function OrganizerStartPage() {
  const user = await requireUser("/organizer");
  const [t, organizers] = await Promise.all([getTranslations("Organizer"), organizersOf(user.id)]);
  if (organizers.length === 1) return redirectLocalized(`/organizer/${organizers[0].id}`);
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6 px-4 py-8 sm:px-6 sm:py-12">
      {organizers.length === 0 ? (
        <>
          <h1 className="text-3xl font-extrabold tracking-tight text-zinc-950">{t("notOrganizerHeading")}</h1>
          <p className="text-lg text-zinc-700">{t("notOrganizerBody")}</p>
        </>
      ) : (
        <>
          <h1 className="text-3xl font-extrabold tracking-tight text-zinc-950">{t("startHeading")}</h1>
          <p className="text-lg text-zinc-700">{t("startIntro")}</p>
          <ul className="flex flex-col gap-3">
            {organizers.map((organizer) => (
              <Card as="li" key={organizer.id} className="p-4">
                <Link href={`/organizer/${organizer.id}`} className="text-lg font-semibold text-indigo-800 underline underline-offset-4">
                  {organizer.name}
                </Link>
                <p className="text-sm text-zinc-700">{t(`role.${organizer.role}`)}</p>
              </Card>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
