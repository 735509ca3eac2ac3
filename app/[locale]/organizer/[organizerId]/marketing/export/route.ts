// The marketing list as a CSV download; checks the session and the role matrix's
// `marketingContacts` itself (owners and admins only).
import { getTranslations } from "next-intl/server";
import { csvResponse } from "@/lib/csv";
import { organizerRouteAccess } from "@/lib/guards";
import { marketingCsvRows } from "@/lib/organizers/exports";
import { listMarketingContacts } from "@/lib/organizers/queries";

type Context = { params: Promise<{ organizerId: string }> };

export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const { organizerId } = await params;
  const access = await organizerRouteAccess(organizerId, "marketingContacts", `/organizer/${organizerId}/marketing`);
  if (!access.ok) return access.response;
  const list = await listMarketingContacts(access.userId, organizerId);
  if (!list) return new Response("Not found", { status: 404, headers: { "Cache-Control": "private, no-store" } });
  const t = await getTranslations("Organizer.csvMarketing");
  const rows = marketingCsvRows([t("email"), t("name"), t("givenAt"), t("source")], list.contacts);
  return csvResponse(`${t("file")}-${list.organizer.slug}`, rows);
}
