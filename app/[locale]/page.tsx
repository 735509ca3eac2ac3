import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { EventList } from "@/components/events/event-list";
import { toggleLikeAction } from "@/app/[locale]/likes/actions";
import { auth } from "@/lib/auth";
import { listEvents } from "@/lib/events/queries";
import { listLikedEventIds } from "@/lib/likes/queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Home");
  return { title: { absolute: t("title") } };
}

export default async function HomePage() {
  const t = await getTranslations("Home");
  const [{ events, total }, session] = await Promise.all([listEvents({ pageSize: 6 }), auth()]);
  // One query for the hearts of every card on the page.
  const likedIds = await listLikedEventIds(
    session?.user?.id,
    events.map((event) => event.id),
  );
  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-6 px-4 py-8 sm:px-6 sm:py-12">
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-extrabold tracking-tight text-zinc-950 sm:text-4xl">{t("heading")}</h1>
        <p className="max-w-2xl text-lg text-zinc-700">{t("intro")}</p>
      </div>
      {/* The h1 heads the list here, so the cards' titles are h2. */}
      <EventList
        events={events}
        headingLevel={2}
        likes={{ likedIds, action: toggleLikeAction, returnTo: "/" }}
        empty={
          <div className="rounded-2xl border border-dashed border-zinc-400 bg-zinc-50 px-6 py-12 text-center">
            <h2 className="text-xl font-bold text-zinc-950">{t("emptyHeading")}</h2>
            <p className="mt-2 text-zinc-700">{t("emptyBody")}</p>
          </div>
        }
      />
      {total > 0 ? (
        <div>
          <Button href="/events" variant="secondary">
            {t("allEvents")}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
