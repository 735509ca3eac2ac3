// The marketing list as a CSV download; checks the session and the membership itself.
import { getTranslations } from "next-intl/server";
import { auth } from "@/lib/auth";
import { csvResponse } from "@/lib/csv";
import { marketingCsvRows } from "@/lib/organizers/exports";
import { listMarketingContacts } from "@/lib/organizers/queries";

type Context = { params: Promise<{ organizerId: string }> };

export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const { organizerId } = await params;
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return new Response(null, { status: 303, headers: { Location: `/login?callbackUrl=${encodeURIComponent(`/organizer/${organizerId}/marketing`)}` } });
  const list = await listMarketingContacts(userId, organizerId);
  if (!list) return new Response("Not found", { status: 404, headers: { "Cache-Control": "private, no-store" } });
  const t = await getTranslations("Organizer.csvMarketing");
  const rows = marketingCsvRows([t("email"), t("name"), t("givenAt"), t("source")], list.contacts);
  return csvResponse(`${t("file")}-${list.organizer.slug}`, rows);
}
