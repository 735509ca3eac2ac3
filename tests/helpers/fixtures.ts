// Small builders for the rows a test needs, with believable defaults.
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";

const unique = () => randomBytes(4).toString("hex");
const DAY = 24 * 60 * 60_000;

export async function createOrganizer(overrides: { name?: string } = {}) {
  const id = unique();
  return db.organizer.create({
    data: { slug: `org-${id}`, name: overrides.name ?? `Arrangör ${id}`, email: `info-${id}@arrangor.example` },
  });
}

export type TicketTypeSpec = {
  name?: string;
  priceMinor?: number;
  capacity?: number;
  sold?: number;
  maxPerOrder?: number;
  salesStartAt?: Date | null;
  salesEndAt?: Date | null;
};

export async function createEvent(
  options: {
    organizerId?: string;
    status?: "DRAFT" | "PUBLISHED" | "CANCELLED";
    startsInDays?: number;
    title?: string;
    city?: string;
    ticketTypes?: TicketTypeSpec[];
  } = {},
) {
  const organizerId = options.organizerId ?? (await createOrganizer()).id;
  const startsAt = new Date(Date.now() + (options.startsInDays ?? 30) * DAY);
  const id = unique();
  const event = await db.event.create({
    data: {
      organizerId,
      slug: `event-${id}`,
      title: options.title ?? `Konsert ${id}`,
      description: "En kväll med musik.",
      venue: "Stora salen",
      city: options.city ?? "Uppsala",
      startsAt,
      endsAt: new Date(startsAt.getTime() + 3 * 60 * 60_000),
      status: options.status ?? "PUBLISHED",
      publishedAt: new Date(),
    },
  });
  const specs = options.ticketTypes ?? [{}];
  const ticketTypes = [];
  for (const [index, spec] of specs.entries()) {
    ticketTypes.push(
      await db.ticketType.create({
        data: {
          eventId: event.id,
          name: spec.name ?? `Biljett ${index + 1}`,
          priceMinor: spec.priceMinor ?? 25_000,
          capacity: spec.capacity ?? 100,
          sold: spec.sold ?? 0,
          maxPerOrder: spec.maxPerOrder ?? 10,
          salesStartAt: spec.salesStartAt ?? null,
          salesEndAt: spec.salesEndAt ?? null,
          sortOrder: index,
        },
      }),
    );
  }
  return { event, ticketTypes, organizerId };
}
