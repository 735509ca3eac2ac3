// Draws the app icons in public/icons from the site's ticket mark (components/site/logo.tsx).
// Run once by hand when the logo changes, and commit the PNGs:
//   node components/pwa/icons/generate-icons.mjs
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import sharp from "sharp";

const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../public/icons");
const indigo = "#432dd7"; // Tailwind's indigo-700, the logo's colour in the header

// The mark of logo.tsx, drawn white on indigo: its stripes are cut out in the background colour.
const mark = `
  <path fill="#fff" d="M5 7a3 3 0 0 1 3-3h16a3 3 0 0 1 3 3v4.2a4.8 4.8 0 0 0 0 9.6V25a3 3 0 0 1-3 3H8a3 3 0 0 1-3-3v-4.2a4.8 4.8 0 0 0 0-9.6V7Z"/>
  <path fill="${indigo}" d="M12 9.5h1.6v2H12zM12 15h1.6v2H12zM12 20.5h1.6v2H12z"/>
  <path fill="${indigo}" d="M17 11h5.5v1.8H17zM17 15.1h5.5v1.8H17zM17 19.2h3.5V21H17z"/>`;

/** `markShare`: how much of the icon's width the 32-unit mark takes; `rounded`: corner radius share. */
function iconSvg({ size, markShare, rounded }) {
  const scale = (size * markShare) / 32;
  const offset = (size - 32 * scale) / 2;
  const radius = size * rounded;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">
  <rect width="${size}" height="${size}" rx="${radius}" fill="${indigo}"/>
  <g transform="translate(${offset} ${offset}) scale(${scale})">${mark}</g>
</svg>`;
}

const icons = [
  // "any": a rounded square, as launchers that do not mask show it.
  { file: "icon-192.png", size: 192, markShare: 0.72, rounded: 0.22 },
  { file: "icon-512.png", size: 512, markShare: 0.72, rounded: 0.22 },
  // "maskable": full bleed, the mark inside the central 80 % circle every mask keeps.
  { file: "maskable-512.png", size: 512, markShare: 0.56, rounded: 0 },
  // iOS rounds the corners itself and shows transparency as black.
  { file: "apple-touch-icon.png", size: 180, markShare: 0.66, rounded: 0 },
];

mkdirSync(out, { recursive: true });
for (const icon of icons) {
  await sharp(Buffer.from(iconSvg(icon)))
    .png({ compressionLevel: 9 })
    .toFile(path.join(out, icon.file));
  console.log(`wrote public/icons/${icon.file}`);
}
