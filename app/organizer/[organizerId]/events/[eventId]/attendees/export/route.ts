// The attendee list as a CSV download. A route handler is a public endpoint: it checks the
// session and the membership itself, and answers 404 to anyone who is not a member.
import { getTranslations } from "next-intl/server";
import { auth } from "@/lib/auth";
import { csvResponse } from "@/lib/csv";
import { attendeeCsvRows } from "@/lib/organizers/exports";
import { listAllAttendees } from "@/lib/organizers/queries";

type Context = { params: Promise<{ organizerId: string; eventId: string }> };

export async function GET(request: Request, { params }: Context): Promise<Response> {
  const { organizerId, eventId } = await params;
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return new Response(null, { status: 303, headers: { Location: `/login?callbackUrl=${encodeURIComponent(`/organizer/${organizerId}/events/${eventId}/attendees`)}` } });
  const query = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 200);
  const list = await listAllAttendees(userId, organizerId, eventId, query);
  if (!list) return new Response("Not found", { status: 404, headers: { "Cache-Control": "private, no-store" } });
  const t = await getTranslations("OrganizerAttendees.csv");
  const rows = attendeeCsvRows(
    [t("name"), t("email"), t("ticketType"), t("order"), t("orderedAt"), t("code"), t("checkedInAt")],
    list.attendees,
    list.event.timeZone,
  );
  return csvResponse(`${t("file")}-${list.event.slug}`, rows);
}
