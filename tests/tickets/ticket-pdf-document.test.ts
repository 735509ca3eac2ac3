// The ticket PDF as people print it and show it at the door, checked with the tools a reader
// has: poppler's pdftotext (the text and where each word sits), pdftoppm (the rendered page)
// and zbar's zbarimg (the QR code, read from that rendering). .ci/run installs both packages.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PDFDocument } from "pdf-lib";
import { ticketPdfForOrder, ticketPdfForTicket, ticketPdfInput, type TicketDocumentOrder } from "@/lib/tickets/documents";
import { PAGE, renderTicketsPdfWithLayout, type Rect, type TextBox } from "@/lib/tickets/documents/pdf";

const order: TicketDocumentOrder = {
  orderNumber: "B7K2M9QX",
  holder: "Zdeněk Łukasiewicz",
  organizerName: "Kulturföreningen Wałbrzych",
  event: {
    title: "Vårkonsert: Dvořák och Janáček på Älvsborgs fästning",
    venue: "Konserthuset",
    address: "Götaplatsen 1",
    city: "Göteborg",
    // 19:00–20:40 in Stockholm (summer time, UTC+2).
    startsAt: "2026-04-18T17:00:00.000Z",
    endsAt: "2026-04-18T18:40:00.000Z",
    timeZone: "Europe/Stockholm",
  },
  tickets: [
    { code: "K7Q2M9XB4TJH8PWA", typeName: "Parkett, ståplats" },
    { code: "R3N8V5CZ2LDF6YGE", typeName: "Student" },
  ],
};

// Everything as long as a form lets it be: wrapped, shrunk, cut with an ellipsis, never overlapping.
const longOrder: TicketDocumentOrder = {
  ...order,
  holder: "Maximiliana Zdeněk-Łukasiewicz von Hohenzollern-Sigmaringen Åkerström-Öhrnberg ".repeat(3),
  organizerName: "Föreningen för ovanligt långa organisationsnamn i Västra Götalands län och omnejd ".repeat(2),
  event: {
    ...order.event,
    title: "Supercalifragilisticexpialidociouskonsertenmedextralångaordsomintefårplats — Dvořák ".repeat(4),
    venue: "Stora salen på andra våningen ".repeat(8),
    address: "Östra Hamngatan 1234, uppgång B, tredje gården till vänster ".repeat(3),
  },
  tickets: [{ code: "K7Q2M9XB4TJH8PWA", typeName: "Parkett med fri sikt och programblad, inklusive garderob ".repeat(3) }],
};

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "ticket-pdf-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function save(name: string, body: Buffer): string {
  const file = path.join(dir, name);
  writeFileSync(file, body);
  return file;
}

function run(command: string, args: string[]): string {
  return execFileSync(command, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

const DPI = 150;
const SCALE = DPI / 72;

type Gray = { width: number; height: number; pixels: Buffer };

/** One page rendered by poppler as 8-bit grey (PGM): 0 is black, 255 white. */
function renderPage(file: string, page: number): Gray {
  const prefix = path.join(dir, `${path.basename(file, ".pdf")}-${page}`);
  run("pdftoppm", ["-gray", "-r", String(DPI), "-f", String(page), "-l", String(page), "-singlefile", file, prefix]);
  const data = readFileSync(`${prefix}.pgm`);
  // "P5\n<width> <height>\n255\n" then one byte a pixel.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.subarray(0, 64).toString("latin1"));
  if (!header) throw new Error("not a binary PGM");
  const [all, width, height] = header;
  return { width: Number(width), height: Number(height), pixels: data.subarray(all.length) };
}

/** Dark pixels (below mid-grey) inside a rectangle given in PDF points (origin bottom left). */
function darkPixels(image: Gray, rect: Rect, inset = 0): number {
  const x0 = Math.ceil(rect.x * SCALE + inset);
  const x1 = Math.floor((rect.x + rect.width) * SCALE - inset);
  const y0 = Math.ceil((PAGE.height - rect.y - rect.height) * SCALE + inset);
  const y1 = Math.floor((PAGE.height - rect.y) * SCALE - inset);
  let count = 0;
  for (let y = Math.max(0, y0); y < Math.min(image.height, y1); y++) {
    for (let x = Math.max(0, x0); x < Math.min(image.width, x1); x++) if (image.pixels[y * image.width + x] < 128) count++;
  }
  return count;
}

type Word = { text: string; xMin: number; yMin: number; xMax: number; yMax: number };

/** Each word's box as pdftotext finds it (origin top left), per page. */
function wordBoxes(file: string): Word[][] {
  const html = run("pdftotext", ["-bbox", "-enc", "UTF-8", file, "-"]);
  return html
    .split("<page ")
    .slice(1)
    .map((page) =>
      [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
        text: m[5],
        xMin: Number(m[1]),
        yMin: Number(m[2]),
        xMax: Number(m[3]),
        yMax: Number(m[4]),
      })),
    );
}

/** Overlap of two boxes in both directions by more than a hair (0.1 pt). */
function overlaps(a: { x0: number; y0: number; x1: number; y1: number }, b: { x0: number; y0: number; x1: number; y1: number }): boolean {
  const EPSILON = 0.1;
  return Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > EPSILON && Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) > EPSILON;
}

const corners = (r: Rect) => ({ x0: r.x, y0: r.y, x1: r.x + r.width, y1: r.y + r.height });

function overlappingPairs<T>(items: T[], box: (item: T) => ReturnType<typeof corners>, name: (item: T) => string): string[] {
  const found: string[] = [];
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++)
      if (overlaps(box(items[i]), box(items[j]))) found.push(`${name(items[i])} × ${name(items[j])}`);
  }
  return found;
}

describe("the ticket PDF", () => {
  it("keeps the en dash and every letter in the extracted text, and has no question marks", async () => {
    const sv = save("text-sv.pdf", (await ticketPdfForOrder("sv", order)).body);
    const text = run("pdftotext", ["-enc", "UTF-8", sv, "-"]);
    for (const expected of [
      "Kulturföreningen Wałbrzych",
      "Biljett 1 av 2",
      "Biljett 2 av 2",
      "Dvořák och Janáček",
      "Älvsborgs fästning",
      "lör 18 apr. 2026 19:00–20:40",
      "centraleuropeisk tid (Europe/Stockholm)",
      "Konserthuset",
      "Götaplatsen 1, Göteborg",
      "Parkett, ståplats",
      "Zdeněk Łukasiewicz",
      "B7K2M9QX",
      "K7Q2M9XB4TJH8PWA",
      "R3N8V5CZ2LDF6YGE",
      "Frågor om evenemanget besvaras av Kulturföreningen Wałbrzych.",
    ]) {
      expect(text.replace(/\s+/g, " ")).toContain(expected);
    }
    expect(text).not.toContain("?");
    expect(text).not.toContain("\ufffd");
    // The document's own title (a viewer's title bar) keeps its dash too.
    expect(run("pdfinfo", ["-enc", "UTF-8", sv])).toMatch(
      /^Title:\s+Vårkonsert: Dvořák och Janáček på Älvsborgs fästning – biljetter, order B7K2M9QX$/m,
    );

    const en = save("text-en.pdf", (await ticketPdfForOrder("en", order)).body);
    const english = run("pdftotext", ["-enc", "UTF-8", en, "-"]).replace(/\s+/g, " ");
    for (const expected of [
      "Ticket 1 of 2",
      "Ticket type",
      "Order number",
      "Ticket code",
      "Sat, Apr 18, 2026",
      "Central European Time (Europe/Stockholm)",
      "Zdeněk Łukasiewicz",
    ]) {
      expect(english).toContain(expected);
    }
    expect(english).toMatch(/7:00\s?–\s?8:40\sPM|19:00\s?–\s?20:40/);
  });

  it("draws every glyph: subset fonts render exactly like the whole fonts, and each special letter leaves ink", async () => {
    const input = ticketPdfInput("sv", order);
    const subset = await renderTicketsPdfWithLayout(input);
    const whole = await renderTicketsPdfWithLayout(input, { subset: false });
    // The reference embeds the whole of both fonts (about 1.4 MB); the subset is what is sent.
    expect(whole.body.length).toBeGreaterThan(20 * subset.body.length);
    const page = renderPage(save("glyphs-subset.pdf", subset.body), 1);
    const reference = renderPage(save("glyphs-whole.pdf", whole.body), 1);
    expect([page.width, page.height]).toEqual([reference.width, reference.height]);
    let differing = 0;
    for (let i = 0; i < page.pixels.length; i++) if (Math.abs(page.pixels[i] - reference.pixels[i]) > 48) differing++;
    expect(differing).toBe(0);

    // A blank glyph would match a blank reference, so each letter's own cell must hold ink too:
    // the cell spans the letter's advance (from the font's widths) and the line's height.
    const { PDFDocument: Doc } = await import("pdf-lib");
    const fontkit = (await import("@pdf-lib/fontkit")).default;
    const doc = await Doc.create();
    doc.registerFontkit(fontkit);
    const dejavu = path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf");
    const fonts = {
      regular: await doc.embedFont(readFileSync(path.join(dejavu, "DejaVuSans.ttf"))),
      bold: await doc.embedFont(readFileSync(path.join(dejavu, "DejaVuSans-Bold.ttf"))),
    };
    const cell = (box: TextBox, index: number): Rect => {
      const font = fonts[box.font];
      const before = font.widthOfTextAtSize(box.text.slice(0, index), box.size);
      const after = font.widthOfTextAtSize(box.text.slice(0, index + 1), box.size);
      return { x: box.x + before, y: box.y, width: after - before, height: box.height };
    };
    const texts = subset.layouts[0].texts;
    const checked: string[] = [];
    for (const letter of ["–", "å", "ä", "ö", "Ä", "č", "ł", "Ł", "ě", "ř"]) {
      const box = texts.find((text) => text.text.includes(letter));
      expect([letter, box?.text]).toEqual([letter, expect.any(String)]);
      const ink = darkPixels(page, cell(box!, box!.text.indexOf(letter)), 1);
      expect([letter, ink > 4]).toEqual([letter, true]);
      checked.push(letter);
    }
    expect(checked).toHaveLength(10);
    // …and the check can fail: a space's cell in the same line is empty.
    const spaced = texts.find((text) => text.text.includes("Zdeněk "))!;
    expect(darkPixels(page, cell(spaced, spaced.text.indexOf(" ")), 1)).toBe(0);
  });

  it("has a QR code that reads as each ticket's code from the rendered page", async () => {
    const file = save("qr.pdf", (await ticketPdfForOrder("sv", order)).body);
    for (const [index, ticket] of order.tickets.entries()) {
      const png = path.join(dir, `qr-${index + 1}`);
      run("pdftoppm", ["-png", "-r", "100", "-f", String(index + 1), "-l", String(index + 1), "-singlefile", file, png]);
      expect(run("zbarimg", ["--quiet", "--raw", `${png}.png`]).trim()).toBe(ticket.code);
    }
  });

  it.each([
    ["an ordinary order", order],
    ["an order with every text far too long", longOrder],
  ])("lays out %s without any two text boxes overlapping, on the page and in pdftotext's boxes", async (_name, subject) => {
    const { body, layouts } = await renderTicketsPdfWithLayout(ticketPdfInput("sv", subject));
    for (const layout of layouts) {
      expect(overlappingPairs(layout.texts, corners, (box) => box.text)).toEqual([]);
      expect(layout.texts.filter((box) => overlaps(corners(box), corners(layout.qr))).map((box) => box.text)).toEqual([]);
      for (const box of [...layout.texts, layout.qr]) {
        expect(box.x).toBeGreaterThanOrEqual(48 - 0.01);
        expect(box.x + box.width).toBeLessThanOrEqual(PAGE.width - 48 + 0.01);
        expect(box.y).toBeGreaterThanOrEqual(48 - 0.01);
        expect(box.y + box.height).toBeLessThanOrEqual(PAGE.height - 48 + 0.01);
      }
    }
    if (subject === longOrder) expect(layouts[0].texts.some((box) => box.text.endsWith("…"))).toBe(true);

    // The same from the outside: the words poppler finds, and the QR code, never overlap.
    const pages = wordBoxes(save("boxes.pdf", body));
    expect(pages).toHaveLength(layouts.length);
    for (const [index, words] of pages.entries()) {
      expect(words.length).toBeGreaterThan(20);
      const qr = layouts[index].qr;
      const qrBox = { x0: qr.x, x1: qr.x + qr.width, y0: PAGE.height - qr.y - qr.height, y1: PAGE.height - qr.y };
      const wordBox = (word: Word) => ({ x0: word.xMin, x1: word.xMax, y0: word.yMin, y1: word.yMax });
      expect(overlappingPairs(words, wordBox, (word) => word.text)).toEqual([]);
      expect(words.filter((word) => overlaps(wordBox(word), qrBox)).map((word) => word.text)).toEqual([]);
    }
  });

  it("names the organizer from the order or its event, and words the terms without one when unknown", () => {
    const fromEvent = ticketPdfInput("sv", {
      ...order,
      organizerName: undefined,
      event: { ...order.event, organizerName: "Nordljus Konserter" },
    });
    expect(fromEvent.pages[0].organizer).toBe("Nordljus Konserter");
    expect(fromEvent.pages[0].terms).toContain("besvaras av Nordljus Konserter.");
    const unknown = ticketPdfInput("en", { ...order, organizerName: null, event: { ...order.event, address: null } });
    expect(unknown.pages[0]).toMatchObject({ organizer: null, address: "Göteborg" });
    expect(unknown.pages[0].terms).toContain("The organizer answers questions about the event.");
  });

  it("stays under 60 kB for one ticket, with two subset fonts embedded", async () => {
    const file = await ticketPdfForTicket("sv", order, order.tickets[0]);
    expect(file.filename).toBe("biljetter-B7K2M9QX-K7Q2M9XB4TJH8PWA.pdf");
    expect(file.body.length).toBeLessThan(60_000);
    expect((await PDFDocument.load(file.body)).getPageCount()).toBe(1);
    const fonts = run("pdffonts", [save("size.pdf", file.body)]);
    expect(fonts).toMatch(/DejaVuSans\S*\s+CID TrueType\s+Identity-H\s+yes/);
    expect(fonts).toMatch(/DejaVuSans-Bold\S*\s+CID TrueType\s+Identity-H\s+yes/);
  });
});
