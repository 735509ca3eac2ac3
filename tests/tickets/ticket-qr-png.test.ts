// The QR code an order confirmation shows inline (and the door scanner reads off a phone's
// screen), checked as a reader's tool sees it: zbar's zbarimg decodes the PNG file itself.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ticketQrPng } from "@/lib/tickets/documents";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "ticket-qr-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A PNG's header: the signature, then the IHDR chunk (width, height, bit depth, colour type).
function header(png: Buffer) {
  return { signature: png.subarray(0, 8).toString("hex"), width: png.readUInt32BE(16), height: png.readUInt32BE(20), colourType: png[25] };
}

describe("ticketQrPng", () => {
  it.each([240, 320])("draws a %i-pixel greyscale code that zbarimg reads back", async (size) => {
    for (const code of ["K7Q2M9XB4TJH8PWA", "R3N8V5CZ2LDF6YGE"]) {
      const png = await ticketQrPng(code, size);
      expect(header(png)).toEqual({ signature: "89504e470d0a1a0a", width: size, height: size, colourType: 0 });
      // Two colours compress well: far below what an RGBA picture of the same size would take.
      expect(png.length).toBeLessThan(2_000);
      const file = path.join(dir, `${code}-${size}.png`);
      writeFileSync(file, png);
      expect(execFileSync("zbarimg", ["--quiet", "--raw", file], { encoding: "utf8" }).trim()).toBe(code);
    }
  });
});
