// A PDF with one A4 page per ticket, the document people print and show at the door: organizer,
// event, when (in the event's time zone) and where, then the ticket's type, holder and order
// number beside a large QR code with the code in text, and the terms in small print.
//
// Text is set in DejaVu Sans (the TTF files of the dejavu-fonts-ttf package, also used by
// lib/seo/og-image.ts), embedded as a subset through @pdf-lib/fontkit: every Unicode letter a
// name or a title may have ("Zdeněk Łukasiewicz"), dashes included, at about 7 kB a font.
//
// Layout is computed first (ticketPageLayout) and then drawn, so that every text box is known:
// blocks are stacked from the top with each line's real ascent and descent, long titles and
// names wrap and then shrink, and anything still too long is cut with an ellipsis instead of
// running into the next box. Tests check the boxes against each other and the QR code.
import { readFileSync } from "node:fs";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, rgb, type PDFFont, type PDFPage, type RGB } from "pdf-lib";
import { ticketQrMatrix } from "./qr";

/** One page: every string already translated and formatted for the reader. */
export type TicketPage = {
  /** "Biljett 1 av 2", top right. */
  counter: string;
  /** The organizer's name, top left; null when unknown. */
  organizer: string | null;
  title: string;
  /** When, in the event's time zone ("lör 28 mars 2026 19:00–20:40"). */
  when: string;
  /** Which clock `when` follows ("Lokal tid: centraleuropeisk tid"). */
  timeZone: string;
  venue: string;
  /** Street address and city, or the city alone. */
  address: string;
  /** Ticket type, holder and order number, each a small label over its value. */
  fields: { label: string; value: string }[];
  /** What the QR code holds, shown in text under it. */
  code: string;
  codeLabel: string;
  terms: string;
};

export type TicketPdfInput = {
  /** The document's title in a viewer's title bar. */
  documentTitle: string;
  pages: TicketPage[];
};

type FontName = "regular" | "bold";

/** A line of text and the box it takes: x, y is the box's lower left corner, in PDF points. */
export type TextBox = {
  text: string;
  font: FontName;
  size: number;
  color: "ink" | "muted";
  x: number;
  y: number;
  width: number;
  height: number;
  /** Where the text sits: its baseline. */
  baseline: number;
};

export type Rect = { x: number; y: number; width: number; height: number };

export type TicketPageLayout = {
  texts: TextBox[];
  /** The QR code with its quiet zone (white). */
  qr: Rect & { code: string };
  rules: { x1: number; x2: number; y: number }[];
};

export const PAGE = { width: 595.28, height: 841.89 }; // A4 in points
const MARGIN = 48;
const CONTENT = PAGE.width - 2 * MARGIN;
const QR_SIZE = 248; // 8.7 cm: easy for any scanner, printed or on a phone
const QUIET_MODULES = 4; // the quiet zone the QR standard asks for
const COLUMN_GAP = 24;
const colors: Record<TextBox["color"], RGB> = { ink: rgb(0.08, 0.08, 0.12), muted: rgb(0.33, 0.33, 0.4) };

const fontDirectory = path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf");
const fontFiles: Record<FontName, string> = { regular: "DejaVuSans.ttf", bold: "DejaVuSans-Bold.ttf" };
const fontBytes = new Map<FontName, Buffer>();

function fontFile(name: FontName): Buffer {
  let bytes = fontBytes.get(name);
  if (!bytes) {
    bytes = readFileSync(path.join(fontDirectory, fontFiles[name]));
    fontBytes.set(name, bytes);
  }
  return bytes;
}

type Fonts = Record<FontName, PDFFont>;

/** Text the font can draw: NFC, control characters as spaces, letters it lacks as U+FFFD. */
function printable(text: string, known: Set<number>): string {
  let out = "";
  for (const char of text.normalize("NFC").replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, " ")) {
    out += known.has(char.codePointAt(0)!) ? char : known.has(0xfffd) ? "\ufffd" : "?";
  }
  return out;
}

class Measure {
  private readonly characterSets = new Map<FontName, Set<number>>();
  constructor(readonly fonts: Fonts) {}

  clean(text: string, font: FontName): string {
    let known = this.characterSets.get(font);
    if (!known) {
      known = new Set(this.fonts[font].getCharacterSet());
      this.characterSets.set(font, known);
    }
    return printable(text, known).replace(/\s+/g, " ").trim();
  }

  private readonly widths = new Map<string, number>();

  /** Width in points; remembered, as fontkit lays out the whole string each time. */
  width(text: string, font: FontName, size: number): number {
    const key = `${font}|${size}|${text}`;
    let width = this.widths.get(key);
    if (width === undefined) {
      width = this.fonts[font].widthOfTextAtSize(text, size);
      this.widths.set(key, width);
    }
    return width;
  }

  /** The longest start of `text` (at least one character) whose `suffix`ed form fits in `width`. */
  private longestFitting(text: string, font: FontName, size: number, width: number, suffix = ""): number {
    let low = 1;
    let high = text.length;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (this.width(text.slice(0, middle) + suffix, font, size) <= width) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  /** Ascent above the baseline and descent below it, as viewers compute a line's box. */
  extent(font: FontName, size: number): { ascent: number; descent: number } {
    const full = this.fonts[font].heightAtSize(size, { descender: true });
    const ascent = this.fonts[font].heightAtSize(size, { descender: false });
    return { ascent, descent: full - ascent };
  }

  /** Words into lines no wider than `width`; a word wider than a line is split between letters. */
  wrap(text: string, font: FontName, size: number, width: number): string[] {
    const lines: string[] = [];
    let line = "";
    for (const word of text.split(" ").filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (this.width(candidate, font, size) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = "";
      let rest = word;
      while (this.width(rest, font, size) > width) {
        const cut = this.longestFitting(rest, font, size, width);
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    if (line) lines.push(line);
    return lines;
  }

  /** The end of a line cut so that it and an ellipsis fit in `width`. */
  ellipsis(line: string, font: FontName, size: number, width: number): string {
    if (this.width(`${line}…`, font, size) <= width) return `${line}…`;
    return `${line.slice(0, this.longestFitting(line, font, size, width, "…")).trimEnd()}…`;
  }

  /**
   * The largest size from `sizes.max` down to `sizes.min` at which the text fits in `maxLines`
   * lines; at the smallest size, what is left over is cut with an ellipsis.
   */
  fit(
    text: string,
    font: FontName,
    sizes: { max: number; min: number },
    width: number,
    maxLines: number,
  ): { size: number; lines: string[] } {
    // No line holds more characters than this (none is narrower than a quarter em), so the
    // rest can never show: dropping it keeps a pasted essay from costing seconds.
    const most = Math.ceil((maxLines + 1) * (width / (sizes.min * 0.25)));
    if (text.length > most) text = text.slice(0, most);
    for (let size = sizes.max; size >= sizes.min; size -= 1) {
      const lines = this.wrap(text, font, size, width);
      if (lines.length <= maxLines) return { size, lines };
    }
    const size = sizes.min;
    const lines = this.wrap(text, font, size, width);
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = this.ellipsis(lines.slice(maxLines - 1).join(" "), font, size, width);
    return { size, lines: kept };
  }
}

type Block = { text: string; font: FontName; sizes: { max: number; min: number }; maxLines: number; color: TextBox["color"] };

/** Stacks lines downwards from `top` in a column; returns the boxes and the bottom reached. */
function stack(measure: Measure, block: Block, x: number, width: number, top: number, align: "left" | "right" | "center" = "left") {
  const text = measure.clean(block.text, block.font);
  if (!text) return { boxes: [] as TextBox[], bottom: top };
  const { size, lines } = measure.fit(text, block.font, block.sizes, width, block.maxLines);
  const { ascent, descent } = measure.extent(block.font, size);
  const leading = size * 0.18; // between one line's descent and the next one's ascent
  const boxes: TextBox[] = [];
  let y = top;
  for (const [index, line] of lines.entries()) {
    if (index > 0) y -= leading;
    const lineWidth = measure.width(line, block.font, size);
    const left = align === "left" ? x : align === "right" ? x + width - lineWidth : x + (width - lineWidth) / 2;
    const baseline = y - ascent;
    boxes.push({
      text: line,
      font: block.font,
      size,
      color: block.color,
      x: left,
      y: baseline - descent,
      width: lineWidth,
      height: ascent + descent,
      baseline,
    });
    y = baseline - descent;
  }
  return { boxes, bottom: y };
}

/** Where everything on one ticket's page goes. */
function layoutPage(measure: Measure, page: TicketPage): TicketPageLayout {
  const texts: TextBox[] = [];
  const rules: TicketPageLayout["rules"] = [];
  const left = MARGIN;
  const right = PAGE.width - MARGIN;
  let top = PAGE.height - MARGIN;

  // Header: the organizer on the left, "Biljett 1 av 2" on the right, never sharing space.
  const counterText = measure.clean(page.counter, "regular");
  const counterWidth = Math.min(measure.width(counterText, "regular", 10), CONTENT / 3);
  const counter = stack(
    measure,
    { text: counterText, font: "regular", sizes: { max: 10, min: 8 }, maxLines: 1, color: "muted" },
    right - counterWidth,
    counterWidth,
    top,
    "right",
  );
  const organizer = page.organizer
    ? stack(
        measure,
        { text: page.organizer, font: "bold", sizes: { max: 11, min: 8 }, maxLines: 2, color: "muted" },
        left,
        CONTENT - counterWidth - 16,
        top,
      )
    : { boxes: [], bottom: top };
  texts.push(...counter.boxes, ...organizer.boxes);
  top = Math.min(counter.bottom, organizer.bottom) - 10;
  rules.push({ x1: left, x2: right, y: top });
  top -= 18;

  const full = (block: Block, gap: number) => {
    const result = stack(measure, block, left, CONTENT, top);
    texts.push(...result.boxes);
    if (result.boxes.length) top = result.bottom - gap;
  };
  full({ text: page.title, font: "bold", sizes: { max: 26, min: 15 }, maxLines: 3, color: "ink" }, 12);
  full({ text: page.when, font: "regular", sizes: { max: 14, min: 11 }, maxLines: 2, color: "ink" }, 3);
  full({ text: page.timeZone, font: "regular", sizes: { max: 9, min: 8 }, maxLines: 2, color: "muted" }, 12);
  full({ text: page.venue, font: "bold", sizes: { max: 13, min: 10 }, maxLines: 2, color: "ink" }, 3);
  full({ text: page.address, font: "regular", sizes: { max: 12, min: 10 }, maxLines: 2, color: "ink" }, 14);
  top += 2;
  rules.push({ x1: left, x2: right, y: top });
  top -= 20;

  // The ticket itself: its details on the left, the QR code and the code on the right.
  const qr = { x: right - QR_SIZE, y: top - QR_SIZE, width: QR_SIZE, height: QR_SIZE, code: page.code };
  const codeLabel = stack(
    measure,
    { text: page.codeLabel, font: "regular", sizes: { max: 9, min: 8 }, maxLines: 1, color: "muted" },
    qr.x,
    QR_SIZE,
    qr.y - 6,
    "center",
  );
  const code = stack(
    measure,
    { text: page.code, font: "bold", sizes: { max: 15, min: 8 }, maxLines: 2, color: "ink" },
    qr.x,
    QR_SIZE,
    codeLabel.bottom - 2,
    "center",
  );
  texts.push(...codeLabel.boxes, ...code.boxes);

  const columnWidth = CONTENT - QR_SIZE - COLUMN_GAP;
  let fieldTop = top - 4;
  for (const field of page.fields) {
    const label = stack(
      measure,
      { text: field.label, font: "regular", sizes: { max: 9, min: 8 }, maxLines: 1, color: "muted" },
      left,
      columnWidth,
      fieldTop,
    );
    const value = stack(
      measure,
      { text: field.value, font: "bold", sizes: { max: 15, min: 10 }, maxLines: 3, color: "ink" },
      left,
      columnWidth,
      label.bottom - 2,
    );
    texts.push(...label.boxes, ...value.boxes);
    fieldTop = value.bottom - 14;
  }
  const middleBottom = Math.min(code.bottom, fieldTop + 14);

  // Terms in small print at the foot of the page, with a rule above them.
  const termsBlock: Block = { text: page.terms, font: "regular", sizes: { max: 8, min: 7 }, maxLines: 6, color: "muted" };
  const termsText = measure.clean(termsBlock.text, "regular");
  const termsFit = measure.fit(termsText, "regular", termsBlock.sizes, CONTENT, termsBlock.maxLines);
  const termsExtent = measure.extent("regular", termsFit.size);
  const termsHeight =
    termsFit.lines.length * (termsExtent.ascent + termsExtent.descent) + (termsFit.lines.length - 1) * termsFit.size * 0.18;
  const termsTop = MARGIN + termsHeight;
  const terms = stack(measure, termsBlock, left, CONTENT, termsTop);
  texts.push(...terms.boxes);
  rules.push({ x1: left, x2: right, y: termsTop + 10 });
  // Every block above has a bounded number of lines, so this holds for any input.
  if (middleBottom < termsTop + 20) throw new Error("ticket page layout overflows into the terms");
  return { texts, qr, rules };
}

function drawQr(page: PDFPage, area: TicketPageLayout["qr"]) {
  const matrix = ticketQrMatrix(area.code);
  const cell = area.width / (matrix.length + QUIET_MODULES * 2);
  page.drawRectangle({ x: area.x, y: area.y, width: area.width, height: area.height, color: rgb(1, 1, 1) });
  // Dark modules as vector rectangles, one per horizontal run: sharp at any print size.
  matrix.forEach((row, r) => {
    let c = 0;
    while (c < row.length) {
      if (!row[c]) {
        c++;
        continue;
      }
      const start = c;
      while (c < row.length && row[c]) c++;
      page.drawRectangle({
        x: area.x + (start + QUIET_MODULES) * cell,
        y: area.y + area.height - (r + QUIET_MODULES + 1) * cell,
        width: (c - start) * cell,
        // A hair taller, so that no light seam shows between rows when rasterised.
        height: cell + 0.05,
        color: rgb(0, 0, 0),
      });
    }
  });
}

// Parsing a font and laying out its glyphs the first time is most of a document's cost: one
// parsed font per file serves every document (pdf-lib only reads it and makes a subset of it).
const parsedFonts = new Map<Uint8Array, ReturnType<typeof fontkit.create>>();
const cachingFontkit: typeof fontkit = {
  create(data, postscriptName) {
    let font = parsedFonts.get(data);
    if (!font) {
      font = rememberingLayouts(fontkit.create(data, postscriptName));
      parsedFonts.set(data, font);
    }
    return font;
  },
};

/** How many laid-out strings each font keeps: a rush's tickets repeat their labels, event and terms. */
export const REMEMBERED_LAYOUTS = 2_000;

/**
 * Has the font remember its latest layouts. pdf-lib lays out every string it measures or draws
 * (OpenType shaping through DejaVu's tables, a third of a confirmation's CPU), and most of a
 * ticket's strings (labels, the event, its place and time, the terms) are the same on every
 * ticket of an event, so the emails of a rush lay out only their names and codes. pdf-lib only
 * reads a layout's glyphs, so one result serves every document.
 */
export function rememberingLayouts<Font extends { layout: (text: string, ...rest: never[]) => unknown }>(font: Font): Font {
  const layout = font.layout.bind(font);
  const remembered = new Map<string, ReturnType<Font["layout"]>>();
  font.layout = ((text: string, ...rest: never[]) => {
    // pdf-lib asks with the text alone (and the features given to embedFont, which we never set).
    if (rest.some((argument) => argument !== undefined)) return layout(text, ...rest);
    let run = remembered.get(text);
    if (run === undefined) {
      run = layout(text) as ReturnType<Font["layout"]>;
      if (remembered.size >= REMEMBERED_LAYOUTS) remembered.delete(remembered.keys().next().value!);
    } else remembered.delete(text);
    // Most recently used last, so the oldest goes first.
    remembered.set(text, run);
    return run;
  }) as Font["layout"];
  return font;
}

async function documentWithFonts(subset: boolean) {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(cachingFontkit);
  const fonts: Fonts = {
    regular: await pdf.embedFont(fontFile("regular"), { subset }),
    bold: await pdf.embedFont(fontFile("bold"), { subset }),
  };
  return { pdf, fonts };
}

export type RenderOptions = {
  /** Embed only the glyphs used (the default). Tests render the whole fonts for reference. */
  subset?: boolean;
};

/** The PDF and the layout of each page, so that tests can check what went where. */
export async function renderTicketsPdfWithLayout(
  input: TicketPdfInput,
  options: RenderOptions = {},
): Promise<{ body: Buffer; layouts: TicketPageLayout[] }> {
  const { pdf, fonts } = await documentWithFonts(options.subset ?? true);
  const measure = new Measure(fonts);
  pdf.setTitle(input.documentTitle.normalize("NFC"));
  pdf.setCreator("Biljett");
  pdf.setProducer("Biljett");
  const layouts: TicketPageLayout[] = [];
  for (const ticket of input.pages) {
    const layout = layoutPage(measure, ticket);
    const page = pdf.addPage([PAGE.width, PAGE.height]);
    for (const rule of layout.rules) {
      page.drawLine({ start: { x: rule.x1, y: rule.y }, end: { x: rule.x2, y: rule.y }, thickness: 0.6, color: colors.muted });
    }
    for (const text of layout.texts) {
      page.drawText(text.text, { x: text.x, y: text.baseline, size: text.size, font: fonts[text.font], color: colors[text.color] });
    }
    drawQr(page, layout.qr);
    layouts.push(layout);
  }
  return { body: Buffer.from(await pdf.save()), layouts };
}

export async function renderTicketsPdf(input: TicketPdfInput, options: RenderOptions = {}): Promise<Buffer> {
  return (await renderTicketsPdfWithLayout(input, options)).body;
}
