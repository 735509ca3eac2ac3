"use client";
// The heart. A real form posting to a server action, so it works without JavaScript (the action
// redirects back to the page). Once the page runs JavaScript the same form calls the action
// itself: the heart changes at once and goes back if the server refuses or cannot be reached.
import { startTransition, useOptimistic, useState } from "react";
import { useTranslations } from "@/components/i18n/client-text";
import { classNames } from "@/components/ui/class-names";
import { useLikedByViewer } from "@/components/viewer/viewer-provider";
import type { LikeAnswer } from "@/lib/likes/schemas";
import { HeartIcon } from "./heart-icon";
import { useHydrated } from "./use-hydrated";

/** toggleLikeAction from app/[locale]/likes/actions.ts, handed down by the page (server actions are props). */
export type LikeAction = (formData: FormData) => Promise<LikeAnswer>;

export type LikeButtonProps = {
  eventId: string;
  eventTitle: string;
  /** What the server knew; on pages that are the same for everybody, /api/viewer's answer replaces it. */
  liked: boolean;
  action: LikeAction;
  /** The page to come back to without JavaScript; the button's id is added as its fragment. */
  returnTo: string;
  /** The button's id, so the page scrolls back to it. */
  anchorId: string;
  /** "icon" sits on a card's picture; "labelled" shows a word beside the heart. */
  variant?: "icon" | "labelled";
};

export function LikeButton({ eventId, eventTitle, liked: fromServer, action, returnTo, anchorId, variant = "icon" }: LikeButtonProps) {
  const t = useTranslations("Likes");
  const liked = useLikedByViewer(eventId) ?? fromServer;
  const hydrated = useHydrated();
  const [stored, setStored] = useState(liked);
  const [seen, setSeen] = useState(liked);
  const [shown, setShown] = useOptimistic(stored);
  const [error, setError] = useState<string | null>(null);

  // A fresh page from the server, or the viewer's likes arriving, is the new truth.
  if (liked !== seen) {
    setSeen(liked);
    setStored(liked);
  }

  const back = `${returnTo}#${anchorId}`;

  async function toggle() {
    const next = !shown;
    setError(null);
    setShown(next);
    // Built afresh rather than taken from the form, which may still hold the hidden fields the
    // server put there for posting without JavaScript.
    const data = new FormData();
    data.set("eventId", eventId);
    data.set("intent", next ? "like" : "unlike");
    data.set("returnTo", back);
    data.set("enhanced", "1");
    let result: LikeAnswer;
    try {
      result = await action(data);
    } catch {
      result = { ok: false, error: "invalid", fieldErrors: {}, liked: stored };
    }
    startTransition(() => {
      setStored(result.liked);
      if (!result.ok) setError(t(`errors.${result.error}`));
    });
  }

  const label = t("like", { title: eventTitle });
  return (
    <form
      // Before hydration the form posts to the server action; after it, toggle() calls it.
      action={hydrated ? toggle : (action as unknown as (formData: FormData) => Promise<void>)}
      className={classNames("flex flex-col gap-1", variant === "icon" ? "items-end" : "items-start")}
    >
      <input type="hidden" name="eventId" value={eventId} />
      <input type="hidden" name="intent" value={shown ? "unlike" : "like"} />
      <input type="hidden" name="returnTo" value={back} />
      <button
        type="submit"
        id={anchorId}
        aria-pressed={shown}
        aria-label={label}
        className={classNames(
          "inline-flex min-h-11 min-w-11 scroll-mt-24 items-center justify-center gap-2 font-semibold transition-colors",
          "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600",
          variant === "icon"
            ? "rounded-full bg-white/95 text-zinc-800 shadow-sm ring-1 ring-zinc-300 hover:bg-white hover:text-rose-700"
            : "rounded-lg border border-zinc-400 bg-white px-4 text-zinc-900 hover:bg-zinc-100",
          shown && "text-rose-700",
        )}
      >
        <HeartIcon filled={shown} className="size-6" />
        {/* The word stays the same: aria-pressed and the filled heart say whether it is liked. */}
        {variant === "labelled" ? <span>{t("likeShort")}</span> : null}
      </button>
      {error ? (
        <p role="alert" className="max-w-56 rounded-md bg-white px-2 py-1 text-sm font-medium text-red-800 shadow-sm">
          {error}
        </p>
      ) : null}
    </form>
  );
}
