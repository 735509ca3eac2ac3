// The marketing list as a CSV download; checks the session and the role matrix's
// `marketingContacts` itself (owners and admins only).
import { getTranslations } from "next-intl/server";
import { csvResponse } from "@/lib/csv";
import { organizerRouteAccess } from "@/lib/guards";
import { marketingCsvRows } from "@/lib/organizers/exports";
import { listMarketingContacts } from "@/lib/organizers/queries";
import { marketingSourceLabel } from "../source-label";

type Context = { params: Promise<{ organizerId: string }> };

export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const { organizerId } = await params;
  const access = await organizerRouteAccess(organizerId, "marketingContacts", `/organizer/${organizerId}/marketing`);
  if (!access.ok) return access.response;
  const list = await listMarketingContacts(access.userId, organizerId);
  if (!list) return new Response("Not found", { status: 404, headers: { "Cache-Control": "private, no-store" } });
  const t = await getTranslations("Organizer");
  // The source in the page's words, not the stored code.
  const contacts = list.contacts.map((contact) => ({ ...contact, source: marketingSourceLabel(t, contact.source) }));
  const rows = marketingCsvRows(
    [t("csvMarketing.email"), t("csvMarketing.name"), t("csvMarketing.givenAt"), t("csvMarketing.source")],
    contacts,
  );
  return csvResponse(`${t("csvMarketing.file")}-${list.organizer.slug}`, rows);
}
