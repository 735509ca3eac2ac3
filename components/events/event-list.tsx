import type { ReactNode } from "react";
import { EventCard, type EventCardProps } from "./event-card";

/** A responsive grid of event cards, or `empty` when there are none. */
export function EventList({ events, empty }: { events: Array<EventCardProps & { id: string }>; empty: ReactNode }) {
  if (events.length === 0) return <>{empty}</>;
  return (
    <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {events.map((event) => (
        <li key={event.id}>
          <EventCard event={event} />
        </li>
      ))}
    </ul>
  );
}
