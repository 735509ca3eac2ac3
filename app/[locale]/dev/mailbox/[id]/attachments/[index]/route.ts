import { getMailboxAttachment } from "@/lib/outbox/mailbox";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string; index: string }> }) {
  const { id, index } = await params;
  const attachment = await getMailboxAttachment(id, Number.parseInt(index, 10));
  if (!attachment) return new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(attachment.content), {
    headers: {
      "content-type": attachment.contentType,
      "content-disposition": `attachment; filename="${attachment.filename.replace(/[^\w.-]/g, "_")}"`,
      "x-content-type-options": "nosniff",
      "cache-control": "no-store",
    },
  });
}
