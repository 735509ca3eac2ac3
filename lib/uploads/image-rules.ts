// What an uploaded picture may be. Checked on the bytes themselves: a file's name and the type
// the browser claims are the sender's to choose.

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
/** Decoding allocates about 4 bytes a pixel: 40 megapixels is the most we agree to unpack. */
export const MAX_INPUT_PIXELS = 40_000_000;
export const MAX_INPUT_SIDE = 8000;
export const AVATAR_SIZE = 512;

export type ImageFormat = "jpeg" | "png" | "webp";

export type UploadProblem = "missing" | "too_large" | "unsupported_type" | "too_many_pixels" | "unreadable";

/** The format the first bytes announce, or null for anything else (SVG, HTML, GIF, HEIC…). */
export function sniffImageFormat(bytes: Uint8Array): ImageFormat | null {
  const starts = (signature: number[], offset = 0) =>
    bytes.length >= offset + signature.length && signature.every((byte, index) => bytes[offset + index] === byte);
  if (starts([0xff, 0xd8, 0xff])) return "jpeg";
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  // "RIFF" <size> "WEBP"
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return "webp";
  return null;
}
