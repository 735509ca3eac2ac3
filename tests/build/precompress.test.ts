import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { MIN_BYTES, precompressStatic } from "@/lib/build/precompress";

let dist: string;

function write(file: string, content: string | Buffer) {
  mkdirSync(path.dirname(path.join(dist, file)), { recursive: true });
  writeFileSync(path.join(dist, file), content);
}

const read = (file: string) => readFileSync(path.join(dist, file));

// A script as a bundler writes it: long, and repetitive enough to compress well.
const script = Array.from({ length: 200 }, (_, i) => `function f${i}(a){return a.map(x=>x*${i}).filter(Boolean)}`).join(";");
const styles = Array.from({ length: 100 }, (_, i) => `.c${i}{margin:${i}px;color:#${(i * 4567).toString(16).padStart(6, "0")}}`).join("");

beforeEach(() => {
  dist = mkdtempSync(path.join(tmpdir(), "biljett-precompress-"));
});
afterEach(() => rmSync(dist, { recursive: true, force: true }));

describe("precompressStatic", () => {
  it("writes a Brotli and a gzip copy beside each script and stylesheet, each the file's content", () => {
    write("static/chunks/0abc.js", script);
    write("static/chunks/deep/page-1.js", script.replace(/f/g, "g"));
    write("static/css/site.css", styles);

    const done = precompressStatic(dist);

    expect(done.map((entry) => entry.file)).toEqual(["static/chunks/0abc.js", "static/chunks/deep/page-1.js", "static/css/site.css"]);
    for (const { file, bytes, brotli, gzip } of done) {
      const content = read(file);
      expect(bytes).toBe(content.length);
      expect(brotliDecompressSync(read(`${file}.br`)).equals(content)).toBe(true);
      expect(gunzipSync(read(`${file}.gz`)).equals(content)).toBe(true);
      expect([brotli, gzip]).toEqual([read(`${file}.br`).length, read(`${file}.gz`).length]);
      // Brotli at its highest quality beats gzip at its highest on text like this.
      expect(brotli!).toBeLessThan(gzip!);
      expect(gzip!).toBeLessThan(bytes);
    }
  });

  it("leaves alone what compressing would not shrink: small files, fonts and pictures, and earlier copies", () => {
    write("static/chunks/tiny.js", "var a=1;");
    write("static/media/font.woff2", Buffer.alloc(4096, 7));
    write("static/media/logo.png", Buffer.alloc(4096, 9));
    write("static/chunks/big.js", script);

    const done = precompressStatic(dist);

    expect("var a=1;".length).toBeLessThan(MIN_BYTES);
    expect(done).toEqual([
      { file: "static/chunks/big.js", bytes: script.length, brotli: expect.any(Number), gzip: expect.any(Number) },
      { file: "static/chunks/tiny.js", bytes: 8, brotli: null, gzip: null },
    ]);
    for (const file of ["static/chunks/tiny.js", "static/media/font.woff2", "static/media/logo.png"]) {
      expect([file, existsSync(path.join(dist, `${file}.br`)), existsSync(path.join(dist, `${file}.gz`))]).toEqual([file, false, false]);
    }
    // A second run (npm run build again) compresses the files, not the copies of the first.
    expect(precompressStatic(dist).map((entry) => entry.file)).toEqual(["static/chunks/big.js", "static/chunks/tiny.js"]);
    expect(existsSync(path.join(dist, "static/chunks/big.js.br.br"))).toBe(false);
  });

  it("makes new copies when a file changes after an earlier build", () => {
    write("static/chunks/boot.js", script);
    precompressStatic(dist);
    const marked = `//# allFunctionsCalledOnLoad\n${script}`;
    write("static/chunks/boot.js", marked);

    precompressStatic(dist);

    expect(brotliDecompressSync(read("static/chunks/boot.js.br")).toString()).toBe(marked);
    expect(gunzipSync(read("static/chunks/boot.js.gz")).toString()).toBe(marked);
  });

  it("removes an earlier run's copies of a file that no longer compresses", () => {
    write("static/chunks/boot.js", script);
    precompressStatic(dist);
    write("static/chunks/boot.js", "var small=1;");

    precompressStatic(dist);

    expect([existsSync(path.join(dist, "static/chunks/boot.js.br")), existsSync(path.join(dist, "static/chunks/boot.js.gz"))]).toEqual([
      false,
      false,
    ]);
  });
});
