// The attendee list as a CSV download. A route handler is a public endpoint: it checks the
// session and the role matrix's `exportAttendees` itself, and answers 404 to anyone whose
// role does not allow it (staff see the list on screen, but do not take it away).
import { getTranslations } from "next-intl/server";
import { csvResponse } from "@/lib/csv";
import { organizerRouteAccess } from "@/lib/guards";
import { attendeeCsvRows } from "@/lib/organizers/exports";
import { listAllAttendees } from "@/lib/organizers/queries";

type Context = { params: Promise<{ organizerId: string; eventId: string }> };

export async function GET(request: Request, { params }: Context): Promise<Response> {
  const { organizerId, eventId } = await params;
  const access = await organizerRouteAccess(organizerId, "exportAttendees", `/organizer/${organizerId}/events/${eventId}/attendees`);
  if (!access.ok) return access.response;
  const query = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 200);
  const list = await listAllAttendees(access.userId, organizerId, eventId, query);
  if (!list) return new Response("Not found", { status: 404, headers: { "Cache-Control": "private, no-store" } });
  const t = await getTranslations("OrganizerAttendees.csv");
  const rows = attendeeCsvRows(
    [t("name"), t("email"), t("ticketType"), t("order"), t("orderedAt"), t("code"), t("checkedInAt")],
    list.attendees,
    list.event.timeZone,
  );
  return csvResponse(`${t("file")}-${list.event.slug}`, rows);
}
