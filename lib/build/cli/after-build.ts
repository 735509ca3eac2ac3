// `npm run build`, after `next build`: the boot scripts of .next marked for eager compilation
// (../compile-hints.ts), then every build file compressed once for nginx to send as it is
// (../precompress.ts). In this order: the hints change the files the copies are made of.
import { addCompileHints } from "../compile-hints";
import { precompressStatic } from "../precompress";

const marked = addCompileHints(".next");
console.log(`compile hints: ${marked.length} boot script(s) marked for eager compilation`);
const compressed = precompressStatic(".next");
const total = (pick: (file: (typeof compressed)[number]) => number | null) =>
  compressed.reduce((sum, file) => sum + (pick(file) ?? file.bytes), 0);
console.log(
  `precompressed: ${compressed.length} build file(s), ${Math.round(total((f) => f.bytes) / 1024)} kB as built, ` +
    `${Math.round(total((f) => f.brotli) / 1024)} kB Brotli, ${Math.round(total((f) => f.gzip) / 1024)} kB gzip`,
);
