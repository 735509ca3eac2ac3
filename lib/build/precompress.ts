// Next's build files (`.next/static`, served at /_next/static/), compressed once when the site is
// built instead of on every answer: beside each script and stylesheet, a Brotli copy (`.br`, at
// its highest quality) and a gzip copy (`.gz`, level 9). deploy/nginx.conf reads the files from
// the build on its machine and sends a browser the Brotli copy (`brotli_static`), which every
// browser takes over HTTPS; the gzip copy to a client that takes only gzip (`gzip_static`); the
// file itself to one that takes neither. Brotli at quality 11 makes the scripts about 13 %
// smaller than the gzip nginx made per answer before (level 5), too slow to do per answer but
// done once here. Runs after the compile hints, which change the boot scripts' first line.
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

/** Files worth compressing: text. Fonts and pictures are compressed already. */
const TEXT_FILE = /\.(?:js|mjs|css|svg|json|txt|map)$/;

/** Below this a compressed copy saves next to nothing (nginx's gzip_min_length is the same). */
export const MIN_BYTES = 512;

export type Compressed = { file: string; bytes: number; brotli: number | null; gzip: number | null };

/** The copies of one file's content: each only when it is smaller than the content itself. */
function compressedCopies(content: Buffer): { br: Buffer | null; gz: Buffer | null } {
  if (content.length < MIN_BYTES) return { br: null, gz: null };
  const br = brotliCompressSync(content, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
    },
  });
  const gz = gzipSync(content, { level: constants.Z_BEST_COMPRESSION });
  return { br: br.length < content.length ? br : null, gz: gz.length < content.length ? gz : null };
}

/**
 * Writes `<file>.br` and `<file>.gz` beside every text file under `<distDir>/static`, replacing
 * copies an earlier run left; returns what it did, per file, in path order.
 */
export function precompressStatic(distDir: string): Compressed[] {
  const root = path.join(distDir, "static");
  const files = readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && TEXT_FILE.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  return files.map((file) => {
    const content = readFileSync(file);
    const { br, gz } = compressedCopies(content);
    // A copy that would not be smaller is not made, and one an earlier run made goes: nginx
    // would send it for the file as it is now.
    for (const [suffix, copy] of [
      [".br", br],
      [".gz", gz],
    ] as const) {
      if (copy) writeFileSync(`${file}${suffix}`, copy);
      else rmSync(`${file}${suffix}`, { force: true });
    }
    return { file: path.relative(distDir, file), bytes: content.length, brotli: br?.length ?? null, gzip: gz?.length ?? null };
  });
}
