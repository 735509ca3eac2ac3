import sharp from "sharp";
import { MAX_UPLOAD_BYTES, sniffImageFormat } from "@/lib/uploads/image-rules";
import { processAvatarImage, readPostedFile } from "@/lib/uploads/process-image";
import { htmlPage, jpegWithGps, pngBomb, sidewaysJpeg, solidJpeg, solidPng, solidWebp, svgImage } from "../fixtures/images/make-images";

/** What a server action gets from a posted file input, then the picture's processing. */
async function upload(bytes: Buffer, name: string, type: string) {
  const form = new FormData();
  form.set("avatar", new File([new Uint8Array(bytes)], name, { type }));
  const read = await readPostedFile(form.get("avatar"));
  if (!read.ok) return read;
  return processAvatarImage(read.bytes);
}

describe("sniffImageFormat", () => {
  it("knows JPEG, PNG and WebP by their first bytes and nothing else", async () => {
    expect(sniffImageFormat(await solidJpeg())).toBe("jpeg");
    expect(sniffImageFormat(await solidPng())).toBe("png");
    expect(sniffImageFormat(await solidWebp())).toBe("webp");
    expect(sniffImageFormat(svgImage)).toBeNull();
    expect(sniffImageFormat(htmlPage)).toBeNull();
    expect(sniffImageFormat(Buffer.from("GIF89a"))).toBeNull();
    expect(sniffImageFormat(Buffer.alloc(0))).toBeNull();
  });
});

describe("processAvatarImage", () => {
  it.each([
    ["JPEG", solidJpeg],
    ["PNG", solidPng],
    ["WebP", solidWebp],
  ])("re-encodes a %s as a 512×512 WebP", async (_format, make) => {
    const result = await upload(await make(), "bild", "application/octet-stream");
    if (!result.ok) throw new Error(`refused: ${result.problem}`);
    expect(result.image.contentType).toBe("image/webp");
    const metadata = await sharp(result.image.data).metadata();
    expect([metadata.format, metadata.width, metadata.height]).toEqual(["webp", 512, 512]);
    expect([result.image.width, result.image.height]).toEqual([512, 512]);
  });

  it("refuses an SVG, even one named and typed as a PNG", async () => {
    expect(await upload(svgImage, "avatar.svg", "image/svg+xml")).toEqual({ ok: false, problem: "unsupported_type" });
    expect(await upload(svgImage, "avatar.png", "image/png")).toEqual({ ok: false, problem: "unsupported_type" });
  });

  it("refuses an HTML file named .png", async () => {
    expect(await upload(htmlPage, "cute-cat.png", "image/png")).toEqual({ ok: false, problem: "unsupported_type" });
  });

  it("refuses a 6 MB file by its size, before reading it", async () => {
    const big = Buffer.concat([await solidPng(), Buffer.alloc(6 * 1024 * 1024)]);
    expect(big.length).toBeGreaterThan(MAX_UPLOAD_BYTES);
    expect(await upload(big, "stor.png", "image/png")).toEqual({ ok: false, problem: "too_large" });
    expect(await processAvatarImage(big)).toEqual({ ok: false, problem: "too_large" });
  });

  it("accepts a file right at the 5 MB limit", async () => {
    const png = await solidPng();
    const padded = Buffer.concat([png, Buffer.alloc(MAX_UPLOAD_BYTES - png.length)]);
    // Trailing bytes after IEND are ignored by the decoder and dropped by the re-encoding.
    const result = await processAvatarImage(padded);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.image.data.length).toBeLessThan(100_000);
  });

  it("refuses a decompression bomb of 20000×20000 pixels without decoding it", async () => {
    const bomb = pngBomb(20_000);
    expect(bomb.length).toBeLessThan(MAX_UPLOAD_BYTES);
    // It really declares that size (read with the limit off, header only).
    expect(await sharp(bomb, { limitInputPixels: false }).metadata()).toMatchObject({ width: 20_000, height: 20_000 });
    const started = Date.now();
    expect(await upload(bomb, "bomb.png", "image/png")).toEqual({ ok: false, problem: "too_many_pixels" });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("refuses a picture with a side longer than 8000 pixels", async () => {
    const strip = await sharp({ create: { width: 8001, height: 2, channels: 3, background: "#fff" } })
      .png()
      .toBuffer();
    expect(await processAvatarImage(strip)).toEqual({ ok: false, problem: "too_many_pixels" });
  });

  it("refuses a GIF and a truncated JPEG", async () => {
    const gif = await sharp({ create: { width: 4, height: 4, channels: 3, background: "#000" } })
      .gif()
      .toBuffer();
    expect(await processAvatarImage(gif)).toEqual({ ok: false, problem: "unsupported_type" });
    const jpeg = await solidJpeg(400, 400);
    expect(await processAvatarImage(jpeg.subarray(0, 200))).toEqual({ ok: false, problem: "unreadable" });
  });

  it("refuses a file whose signature and decoded format disagree", async () => {
    // PNG signature followed by a JPEG: the decoder would see something else than the sniffer.
    const jpeg = await solidJpeg();
    const polyglot = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), jpeg]);
    const result = await processAvatarImage(polyglot);
    expect(result.ok).toBe(false);
  });

  it("treats an empty file input as no file", async () => {
    const form = new FormData();
    form.set("avatar", new File([], "", { type: "application/octet-stream" }));
    expect(await readPostedFile(form.get("avatar"))).toEqual({ ok: false, problem: "missing" });
    expect(await readPostedFile(null)).toEqual({ ok: false, problem: "missing" });
    expect(await readPostedFile("text")).toEqual({ ok: false, problem: "missing" });
  });

  it("accepts a JPEG with GPS EXIF and keeps none of its metadata", async () => {
    const input = await jpegWithGps();
    const inputMetadata = await sharp(input).metadata();
    expect(inputMetadata.exif).toBeDefined();
    expect(input.includes(Buffer.from("SecretCam"))).toBe(true);

    const result = await processAvatarImage(input);
    if (!result.ok) throw new Error(`refused: ${result.problem}`);
    const output = await sharp(result.image.data).metadata();
    expect(output.exif).toBeUndefined();
    expect(output.icc).toBeUndefined();
    expect(output.xmp).toBeUndefined();
    for (const marker of ["Exif", "GPS", "SecretCam", "Spy 3000", "hemma hos mig"]) {
      expect(result.image.data.includes(Buffer.from(marker))).toBe(false);
    }
  });

  it("turns a sideways photo upright by its EXIF orientation", async () => {
    const result = await processAvatarImage(await sidewaysJpeg());
    if (!result.ok) throw new Error(`refused: ${result.problem}`);
    const { data, info } = await sharp(result.image.data).raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) =>
      Array.from(data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3));
    // Turned a quarter clockwise, the red left half is on top.
    const [topRed, , topBlue] = pixel(256, 100);
    const [bottomRed, , bottomBlue] = pixel(256, 410);
    expect(topRed).toBeGreaterThan(200);
    expect(topBlue).toBeLessThan(60);
    expect(bottomBlue).toBeGreaterThan(200);
    expect(bottomRed).toBeLessThan(60);
  });
});
