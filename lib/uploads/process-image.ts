// Turns an uploaded file into a small, clean picture: checks what the bytes really are and how
// big they claim to be before decoding anything, then re-encodes them, which drops every piece
// of metadata (EXIF with GPS positions, ICC profiles, comments) and anything hidden after it.
import sharp from "sharp";
import { AVATAR_SIZE, MAX_INPUT_PIXELS, MAX_INPUT_SIDE, MAX_UPLOAD_BYTES, sniffImageFormat, type UploadProblem } from "./image-rules";

export type ProcessedImage = { data: Buffer; contentType: "image/webp"; width: number; height: number };
export type ProcessImageResult = { ok: true; image: ProcessedImage } | { ok: false; problem: UploadProblem };

/** The bytes of a posted file field; an empty file input posts a nameless, empty file. */
export async function readPostedFile(
  value: FormDataEntryValue | null,
): Promise<{ ok: true; bytes: Buffer } | { ok: false; problem: UploadProblem }> {
  if (value === null || typeof value === "string" || value.size === 0) return { ok: false, problem: "missing" };
  // Refused by its size before its bytes are read into memory.
  if (value.size > MAX_UPLOAD_BYTES) return { ok: false, problem: "too_large" };
  return { ok: true, bytes: Buffer.from(await value.arrayBuffer()) };
}

const isPixelLimitError = (error: unknown) => error instanceof Error && /pixel limit/i.test(error.message);

export async function processAvatarImage(bytes: Uint8Array): Promise<ProcessImageResult> {
  if (bytes.length === 0) return { ok: false, problem: "missing" };
  if (bytes.length > MAX_UPLOAD_BYTES) return { ok: false, problem: "too_large" };
  const format = sniffImageFormat(bytes);
  if (!format) return { ok: false, problem: "unsupported_type" };

  const options = { limitInputPixels: MAX_INPUT_PIXELS } as const;
  let width: number;
  let height: number;
  try {
    // metadata() reads only the header, so a decompression bomb is measured, not unpacked.
    const metadata = await sharp(bytes, options).metadata();
    // The decoder must agree with the signature: a polyglot that sniffs as one format and
    // decodes as another is refused.
    if (metadata.format !== format) return { ok: false, problem: "unsupported_type" };
    width = metadata.width ?? 0;
    height = metadata.height ?? 0;
  } catch (error) {
    return { ok: false, problem: isPixelLimitError(error) ? "too_many_pixels" : "unreadable" };
  }
  if (width < 1 || height < 1) return { ok: false, problem: "unreadable" };
  if (width > MAX_INPUT_SIDE || height > MAX_INPUT_SIDE || width * height > MAX_INPUT_PIXELS) {
    return { ok: false, problem: "too_many_pixels" };
  }

  try {
    // limitInputPixels again, in case the header lied about the size: libvips stops decoding.
    const { data, info } = await sharp(bytes, options)
      .autoOrient()
      .resize(AVATAR_SIZE, AVATAR_SIZE, { fit: "cover" })
      .webp({ quality: 82 })
      .toBuffer({ resolveWithObject: true });
    return { ok: true, image: { data, contentType: "image/webp", width: info.width, height: info.height } };
  } catch (error) {
    return { ok: false, problem: isPixelLimitError(error) ? "too_many_pixels" : "unreadable" };
  }
}
