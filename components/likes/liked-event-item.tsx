"use client";
// One row of "Liked, not bought yet" with its unlike button. Without JavaScript the form posts
// and the page comes back without the row; with it the row goes at once and returns if the
// server refuses.
import { startTransition, useOptimistic, useState, type ReactNode } from "react";
import { useTranslations } from "@/components/i18n/client-text";
import { Button } from "@/components/ui/button";
import type { LikeAnswer } from "@/lib/likes/schemas";
import type { LikeAction } from "./like-button";
import { useHydrated } from "./use-hydrated";

export function LikedEventItem({
  eventId,
  eventTitle,
  action,
  returnTo,
  focusAfterRemoval,
  children,
}: {
  eventId: string;
  eventTitle: string;
  action: LikeAction;
  returnTo: string;
  /** Where focus goes once the row (and the button that had focus) is gone. */
  focusAfterRemoval: string;
  children: ReactNode;
}) {
  const t = useTranslations("Likes");
  const hydrated = useHydrated();
  const [removed, setRemoved] = useState(false);
  const [hidden, setHidden] = useOptimistic(removed);
  const [error, setError] = useState<string | null>(null);

  async function unlike() {
    setError(null);
    setHidden(true);
    document.getElementById(focusAfterRemoval)?.focus();
    const data = new FormData();
    data.set("eventId", eventId);
    data.set("intent", "unlike");
    data.set("returnTo", returnTo);
    data.set("enhanced", "1");
    let result: LikeAnswer;
    try {
      result = await action(data);
    } catch {
      result = { ok: false, error: "invalid", fieldErrors: {}, liked: true };
    }
    startTransition(() => {
      setRemoved(!result.liked);
      if (!result.ok) setError(t(`errors.${result.error}`));
    });
  }

  if (hidden) return null;
  return (
    <li className="flex flex-col gap-3 rounded-2xl border border-zinc-200 bg-white p-4 shadow-sm sm:flex-row sm:items-center sm:justify-between">
      {children}
      <form
        action={hydrated ? unlike : (action as unknown as (formData: FormData) => Promise<void>)}
        className="flex flex-col gap-1 sm:items-end"
      >
        <input type="hidden" name="eventId" value={eventId} />
        <input type="hidden" name="intent" value="unlike" />
        <input type="hidden" name="returnTo" value={returnTo} />
        <Button type="submit" variant="secondary" aria-label={t("unlike", { title: eventTitle })}>
          {t("unlikeShort")}
        </Button>
        {error ? (
          <p role="alert" className="text-sm font-medium text-red-800">
            {error}
          </p>
        ) : null}
      </form>
    </li>
  );
}
