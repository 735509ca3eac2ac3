// Serves stored pictures to anyone who has the link: ids are random UUIDs, never listed, and a
// profile picture is shown wherever its owner appears. The bytes were re-encoded by us and their
// type fixed at upload, so the browser is told exactly what they are and not to guess.
import { getUpload } from "@/lib/uploads/queries";

type Context = { params: Promise<{ id: string }> };

export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const { id } = await params;
  const upload = await getUpload(id);
  if (!upload) {
    return new Response(null, { status: 404, headers: { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" } });
  }
  return new Response(Buffer.from(upload.data), {
    headers: {
      "Content-Type": upload.contentType,
      "Content-Length": String(upload.data.byteLength),
      "Content-Disposition": "inline",
      "X-Content-Type-Options": "nosniff",
      // A stored picture never changes (a new one gets a new id), but it can be removed, with
      // its account even: a day in a browser and an hour in a shared cache is as long as a
      // picture its owner took down may linger.
      "Cache-Control": "public, max-age=86400, s-maxage=3600",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cross-Origin-Resource-Policy": "same-site",
    },
  });
}
