import { classNames } from "@/components/ui/class-names";
import { ticketQrSvg } from "@/lib/tickets/documents";

/**
 * A ticket's QR code as inline SVG, drawn on the server: nothing to download, so a cached page
 * still shows it offline. One image with a spoken name; the size comes from `className`.
 */
export async function TicketQrCode({ code, label, className }: { code: string; label: string; className?: string }) {
  // The SVG comes from the qrcode library and our own ticket code, never from user input.
  const svg = await ticketQrSvg(code);
  return (
    <div
      role="img"
      aria-label={label}
      className={classNames("aspect-square bg-white [&>svg]:block [&>svg]:size-full", className)}
      dangerouslySetInnerHTML={{ __html: svg }}
    />
  );
}
