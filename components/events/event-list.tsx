import type { ReactNode } from "react";
import type { LikeAction } from "@/components/likes/like-button";
import { EventCard, type EventCardProps } from "./event-card";

/** Hearts on the cards: the events the visitor likes (loaded in one query for the page). */
export type EventListLikes = { likedIds: readonly string[]; action: LikeAction; returnTo: string };

/** A responsive grid of event cards, or `empty` when there are none; with `likes`, each has a heart. */
export function EventList({
  events,
  empty,
  headingLevel = 3,
  likes,
}: {
  events: Array<EventCardProps & { id: string }>;
  empty: ReactNode;
  /** The level of each card's title: one below the heading the list sits under. */
  headingLevel?: 2 | 3;
  likes?: EventListLikes;
}) {
  if (events.length === 0) return <>{empty}</>;
  const liked = new Set(likes?.likedIds);
  return (
    <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {events.map((event, index) => (
        <li key={event.id}>
          <EventCard
            event={event}
            // The first row is in view on arrival on any screen: its pictures load at once.
            eagerImage={index < 3}
            headingLevel={headingLevel}
            like={likes ? { eventId: event.id, liked: liked.has(event.id), action: likes.action, returnTo: likes.returnTo } : undefined}
          />
        </li>
      ))}
    </ul>
  );
}
