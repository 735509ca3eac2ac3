import type { ReactNode } from "react";
import { EventCard, type EventCardProps } from "./event-card";

/** A responsive grid of event cards, or `empty` when there are none. */
export function EventList({
  events,
  empty,
  headingLevel = 3,
}: {
  events: Array<EventCardProps & { id: string }>;
  empty: ReactNode;
  /** The level of each card's title: one below the heading the list sits under. */
  headingLevel?: 2 | 3;
}) {
  if (events.length === 0) return <>{empty}</>;
  return (
    <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {events.map((event) => (
        <li key={event.id}>
          <EventCard event={event} headingLevel={headingLevel} />
        </li>
      ))}
    </ul>
  );
}
