// "Download my data": the signed-in user's data as a JSON file. The route checks the session
// itself; a signed-out visitor is sent to sign in and back to the privacy page.
import { auth } from "@/lib/auth";
import { env } from "@/lib/env";
import { asLocale } from "@/lib/i18n/locales";
import { localizePath } from "@/lib/i18n/paths";
import { buildDataExport, dataExportFileName } from "@/lib/privacy/export";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ locale: string }> }): Promise<Response> {
  const session = await auth();
  const userId = session?.user?.id;
  const data = userId ? await buildDataExport(userId) : null;
  if (!data) {
    // Built from SITE_URL, never from the request's Host header.
    const requested = (await params).locale;
    const locale = asLocale(requested);
    const back = localizePath("/account/privacy", locale);
    return Response.redirect(new URL(localizePath(`/login?callbackUrl=${encodeURIComponent(back)}`, locale), env().SITE_URL), 303);
  }
  const now = new Date(data.exportedAt);
  return new Response(`${JSON.stringify(data, null, 2)}\n`, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${dataExportFileName(now)}"`,
      // Personal data: never kept by a shared cache, nor by the browser's.
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
