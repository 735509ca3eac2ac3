import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import { Link } from "@/components/i18n/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { formatDateTime } from "@/lib/i18n/format";
import { requireOrganizerEvent } from "@/lib/guards";
import { getMessageComposer, listSentMessages } from "@/lib/organizers/messages";
import { organizerMessageAction } from "./actions";
import { MessageForm } from "./message-form";

type Props = {
  params: Promise<{ organizerId: string; eventId: string }>;
  searchParams: Promise<{ sent?: string | string[] }>;
};

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("OrganizerMessages");
  return { title: t("title"), robots: { index: false } };
}

export const dynamic = "force-dynamic";

export default async function OrganizerMessagesPage({ params, searchParams }: Props) {
  const [{ organizerId, eventId }, { sent }] = await Promise.all([params, searchParams]);
  const path = `/organizer/${organizerId}/events/${eventId}/messages`;
  const { user } = await requireOrganizerEvent(organizerId, eventId, { permission: "viewEvents", returnPath: path });
  const [composer, history] = await Promise.all([
    getMessageComposer(user.id, organizerId, eventId),
    listSentMessages(user.id, organizerId, eventId),
  ]);
  if (!composer || !history) notFound();
  const [t, locale] = await Promise.all([getTranslations("OrganizerMessages"), getLocale()]);
  const sentMessage = typeof sent === "string" ? history.find((message) => message.id === sent) : undefined;
  const canSend = composer.canSend;

  return (
    <div className="mx-auto flex w-full max-w-3xl flex-col gap-6 px-4 py-6 sm:px-6 sm:py-10">
      <div className="flex flex-col gap-2">
        <Link
          href={`/organizer/${organizerId}/events/${eventId}`}
          className="self-start text-indigo-800 underline underline-offset-4 hover:text-indigo-950"
        >
          {t("backToEvent")}
        </Link>
        <h1 className="text-3xl font-extrabold tracking-tight text-zinc-950">{t("heading")}</h1>
        <p className="text-zinc-700">{t("intro", { title: composer.event.title })}</p>
        <p className="font-semibold text-zinc-900">{t("recipients", { count: composer.recipientCount })}</p>
      </div>
      {sentMessage ? <Notice tone="success">{t("sentNotice", { count: sentMessage.recipientCount })}</Notice> : null}
      {canSend ? (
        <Card as="section" aria-label={t("composeLabel")} className="p-4 sm:p-6">
          {/* Remounted after each send (the page comes back with ?sent=<id>), so the form starts empty. */}
          <MessageFormWithKey
            key={typeof sent === "string" ? sent : "compose"}
            organizerId={organizerId}
            eventId={eventId}
            organizerName={composer.organizer.name}
          />
        </Card>
      ) : (
        <Notice tone="neutral">{t("staffNotice")}</Notice>
      )}
      <section aria-labelledby="sent-messages" className="flex flex-col gap-3">
        <h2 id="sent-messages" className="text-xl font-bold text-zinc-950">
          {t("historyHeading")}
        </h2>
        {history.length === 0 ? (
          <p className="text-zinc-700">{t("historyEmpty")}</p>
        ) : (
          <ul className="flex flex-col gap-3">
            {history.map((message) => (
              <Card as="li" key={message.id} className="flex flex-col gap-1 p-4">
                <p className="font-semibold text-zinc-950">{message.subject}</p>
                <p className="text-sm text-zinc-700">
                  {t("historyEntry", {
                    when: formatDateTime(message.createdAt, locale, { dateStyle: "medium", timeStyle: "short" }),
                    sender: message.sentBy?.name ? `${message.sentBy.name} (${message.sentByEmail})` : message.sentByEmail,
                  })}
                </p>
                <p className="text-sm text-zinc-700">{t("historyCount", { count: message.recipientCount })}</p>
              </Card>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

/**
 * A fresh one-time key on every rendering; during a compose → preview → send the form carries
 * the first one along in its state. The component's key must not change from one rendering to
 * the next: without JavaScript, React finds a post's answer by the form's place in the tree, keys
 * included, and a new random key there would drop every answer (the form came back empty).
 */
function MessageFormWithKey({ organizerId, eventId, organizerName }: { organizerId: string; eventId: string; organizerName: string }) {
  const requestKey = randomUUID();
  // Bound here, not in the client component: see tests/components/server-action-binding.test.ts.
  const action = organizerMessageAction.bind(null, { organizerId, eventId });
  return <MessageForm action={action} organizerName={organizerName} requestKey={requestKey} />;
}
