// "Download my data": the signed-in user's data as a JSON file. The route checks the session
// itself; a signed-out visitor is sent to sign in and back to the privacy page.
import { auth } from "@/lib/auth";
import { env } from "@/lib/env";
import { buildDataExport, dataExportFileName } from "@/lib/privacy/export";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const session = await auth();
  const userId = session?.user?.id;
  const data = userId ? await buildDataExport(userId) : null;
  if (!data) {
    // Built from SITE_URL, never from the request's Host header.
    return Response.redirect(new URL("/login?callbackUrl=/account/privacy", env().SITE_URL), 303);
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
