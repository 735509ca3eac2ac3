// A PDF with one page per ticket: event, ticket type, holder, code and its QR code.
import { PDFDocument, StandardFonts, rgb } from "pdf-lib";
import { ticketQrMatrix } from "./qr";

export type TicketPdfInput = {
  title: string;
  when: string;
  where: string;
  orderLabel: string;
  holder: string;
  tickets: { code: string; typeName: string }[];
  labels: { ticket: string; code: string; footer: string };
};

// The standard PDF fonts cover Latin-1, which has å, ä, ö and é; anything else is replaced
// rather than failing the whole document.
function latin1(text: string): string {
  return text.normalize("NFC").replace(/[^\u0020-\u007e\u00a0-\u00ff]/g, "?");
}

export async function renderTicketsPdf(input: TicketPdfInput): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(latin1(`${input.title} – ${input.orderLabel}`));
  pdf.setCreator("Biljett");
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const ink = rgb(0.1, 0.1, 0.15);
  const muted = rgb(0.35, 0.35, 0.42);

  for (const [index, ticket] of input.tickets.entries()) {
    const page = pdf.addPage([595.28, 841.89]); // A4 in points
    const { height } = page.getSize();
    let y = height - 72;
    const line = (text: string, size: number, font = regular, color = ink) => {
      page.drawText(latin1(text), { x: 56, y, size, font, color, maxWidth: 483 });
      y -= size * 1.6;
    };
    line(`${input.labels.ticket} ${index + 1}/${input.tickets.length}`, 11, regular, muted);
    line(input.title, 24, bold);
    line(input.when, 13);
    line(input.where, 13);
    y -= 8;
    line(ticket.typeName, 16, bold);
    line(input.holder, 13);
    line(input.orderLabel, 11, regular, muted);

    // Drawn as vector squares: sharp at any print size, and far faster than embedding a PNG.
    const matrix = ticketQrMatrix(ticket.code);
    const quiet = 2;
    const size = 240;
    const cell = size / (matrix.length + quiet * 2);
    const left = (595.28 - size) / 2;
    const top = y - 16;
    page.drawRectangle({ x: left, y: top - size, width: size, height: size, color: rgb(1, 1, 1) });
    matrix.forEach((row, r) =>
      row.forEach((dark, c) => {
        if (!dark) return;
        page.drawRectangle({
          x: left + (c + quiet) * cell,
          y: top - (r + quiet + 1) * cell,
          width: cell,
          height: cell,
          color: rgb(0, 0, 0),
        });
      }),
    );
    y -= size + 48;
    page.drawText(`${latin1(input.labels.code)}: ${ticket.code}`, { x: 56, y, size: 14, font: bold, color: ink });
    page.drawText(latin1(input.labels.footer), { x: 56, y: 48, size: 9, font: regular, color: muted, maxWidth: 483 });
  }
  return Buffer.from(await pdf.save());
}
