import { ticketQrSvg } from "@/lib/tickets/documents";

/**
 * A ticket's QR code, drawn on the server as SVG (sharp at any size, nothing to download).
 * One image with a spoken name: a screen reader hears the label, never the drawing.
 */
export async function TicketQr({ code, label }: { code: string; label: string }) {
  // The SVG comes from the qrcode library and our own ticket code, never from user input.
  const svg = await ticketQrSvg(code);
  return (
    <div role="img" aria-label={label} className="size-40 shrink-0 bg-white [&>svg]:size-full" dangerouslySetInnerHTML={{ __html: svg }} />
  );
}
