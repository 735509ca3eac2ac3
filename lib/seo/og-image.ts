// Draws an event's link-preview picture: a 1200×630 PNG (what Facebook, LinkedIn, Slack and X
// accept; never an SVG) composed from an SVG backdrop, the event's own picture when it has
// one, and text set with the DejaVu TTF fonts from npm. next/og is not used: it downloads
// fonts for missing glyphs, and this server reaches only the npm registry.
import path from "node:path";
import sharp, { type OverlayOptions } from "sharp";
import { OG_IMAGE_FORMATS, type OgImageFormat } from "./site-urls";

// Every format is 1200 wide; only the height changes (630 for link previews, taller for the
// 16:9, 4:3 and 1:1 pictures Google's event results ask for).
const WIDTH = 1200;
const MARGIN = 64;
const TEXT_WIDTH = WIDTH - 2 * MARGIN;

// librsvg ignores @font-face, so text is not drawn by the SVG: libvips sets it with Pango,
// which takes the font file itself (fontfile), whatever fonts the machine has installed.
const fontDirectory = path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf");
const fonts = {
  regular: { family: "DejaVu Sans", file: path.join(fontDirectory, "DejaVuSans.ttf") },
  bold: { family: "DejaVu Sans Bold", file: path.join(fontDirectory, "DejaVuSans-Bold.ttf") },
} as const;

export type OgImageInput = {
  title: string;
  /** When, already formatted for the reader ("fre 12 juni 2026 19:00–22:00"). */
  when: string;
  /** Where ("Konserthuset, Stockholm"). */
  where: string;
  /** The site's name, shown as the brand in a corner. */
  brand: string;
  /** The event's picture (any format sharp reads, SVG included), or null for the branded backdrop. */
  picture: Uint8Array | null;
};

/** Text for Pango markup: the markup's own characters escaped, control characters dropped. */
function markupText(text: string): string {
  return text
    .normalize("NFC")
    .replace(/[\u0000-\u001f\u007f]/g, " ")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

type TextLayer = { data: Buffer; width: number; height: number };

/** One block of text as a transparent PNG, wrapped at word boundaries to TEXT_WIDTH (exported for its test). */
export async function renderText(text: string, font: keyof typeof fonts, size: number, color: string): Promise<TextLayer> {
  const { family, file } = fonts[font];
  const { data, info } = await sharp({
    text: {
      text: `<span foreground="${color}">${markupText(text)}</span>`,
      font: `${family} ${size}`,
      fontfile: file,
      width: TEXT_WIDTH,
      // At 72 dpi a Pango point is a pixel, so `size` is the font's size in pixels.
      dpi: 72,
      wrap: "word",
      rgba: true,
      spacing: Math.round(size * 0.2),
    },
  })
    .png()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/**
 * The title at the largest size whose lines fit `maxHeight`; a title too long even at the
 * smallest size is cut at a word and ends in "…".
 */
async function renderTitle(title: string, maxHeight: number): Promise<TextLayer> {
  let layer: TextLayer | null = null;
  for (const size of [76, 66, 58, 50]) {
    layer = await renderText(title, "bold", size, "#ffffff");
    if (layer.height <= maxHeight) return layer;
  }
  let words = title.split(/\s+/);
  while (words.length > 1 && layer && layer.height > maxHeight) {
    words = words.slice(0, -1);
    layer = await renderText(`${words.join(" ")}…`, "bold", 50, "#ffffff");
  }
  return layer!;
}

/** The site's colours when an event has no picture: deep indigo with soft circles. */
function brandedBackdrop(height: number): Buffer {
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}">` +
      `<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">` +
      `<stop offset="0" stop-color="#1e1b4b"/><stop offset="1" stop-color="#4338ca"/></linearGradient></defs>` +
      `<rect width="${WIDTH}" height="${height}" fill="url(#bg)"/>` +
      `<circle cx="1040" cy="120" r="260" fill="#6366f1" opacity=".35"/>` +
      `<circle cx="1130" cy="520" r="180" fill="#a5b4fc" opacity=".18"/>` +
      `</svg>`,
  );
}

/** Darkens the lower part of a photo so that white text stays readable on any picture. */
function readabilityShade(height: number): Buffer {
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}">` +
      `<defs><linearGradient id="shade" x1="0" y1="0" x2="0" y2="1">` +
      `<stop offset="0" stop-color="#0b0a1f" stop-opacity=".35"/>` +
      `<stop offset=".45" stop-color="#0b0a1f" stop-opacity=".55"/>` +
      `<stop offset="1" stop-color="#0b0a1f" stop-opacity=".9"/></linearGradient></defs>` +
      `<rect width="${WIDTH}" height="${height}" fill="url(#shade)"/>` +
      `</svg>`,
  );
}

/** The picture cropped to fill the frame, or null when it cannot be decoded (then the backdrop is used). */
async function pictureBackground(picture: Uint8Array, height: number): Promise<Buffer | null> {
  try {
    return await sharp(picture, { limitInputPixels: 40_000_000 })
      .resize(WIDTH, height, { fit: "cover", position: "attention" })
      .flatten({ background: "#1e1b4b" })
      .png()
      .toBuffer();
  } catch {
    return null;
  }
}

/** The picture as a PNG in one of the formats (the 1200×630 link preview unless told otherwise). */
export async function renderEventOgImage(input: OgImageInput, format: OgImageFormat = "og"): Promise<Buffer> {
  const height = OG_IMAGE_FORMATS[format].height;
  const photo = input.picture ? await pictureBackground(input.picture, height) : null;
  const background = photo ?? (await sharp(brandedBackdrop(height)).png().toBuffer());

  const [brand, when, where] = await Promise.all([
    renderText(input.brand, "bold", 34, "#ffffff"),
    renderText(input.when, "regular", 34, "#e0e7ff"),
    renderText(input.where, "regular", 34, "#e0e7ff"),
  ]);
  // The title gets the room between the brand and the two lines at the bottom.
  const bottom = height - MARGIN;
  const whereTop = bottom - where.height;
  const whenTop = whereTop - 14 - when.height;
  const titleRoom = whenTop - 24 - (MARGIN + brand.height + 32);
  const title = await renderTitle(input.title, titleRoom);
  const titleTop = whenTop - 24 - title.height;

  const layers: OverlayOptions[] = [
    ...(photo ? [{ input: readabilityShade(height), top: 0, left: 0 }] : []),
    { input: brand.data, top: MARGIN, left: MARGIN },
    { input: title.data, top: titleTop, left: MARGIN },
    { input: when.data, top: whenTop, left: MARGIN },
    { input: where.data, top: whereTop, left: MARGIN },
  ];
  return sharp(background).composite(layers).png({ compressionLevel: 9 }).toBuffer();
}
