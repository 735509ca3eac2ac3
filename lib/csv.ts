// CSV files for organizers' exports (attendees, marketing list), made for the spreadsheet they
// will most likely be opened in: Excel with Swedish settings.
//
// Choices, and why:
// - Separator ";". Excel takes the list separator from the system's regional settings, and in
//   Swedish (and most of Europe, where the decimal mark is a comma) that is ";": a comma file
//   opens as one column there. LibreOffice and Google Sheets detect ";" by themselves. We do
//   not write Excel's "sep=;" first line: it would show up as a data row everywhere else.
// - UTF-8 with a byte order mark: without the BOM Excel reads the file as Windows-1252 and
//   "Åsa Öberg" turns into mojibake.
// - Otherwise RFC 4180: CRLF after every record, a field with the separator, a quote, a comma,
//   CR or LF is quoted and its quotes doubled.
// - Formula injection (OWASP "CSV injection"): a text cell starting with = + - @, tab or CR
//   would be run as a formula by a spreadsheet, so it gets a leading apostrophe, which the
//   spreadsheet shows as text. Numbers we write ourselves are left as they are.

export const CSV_SEPARATOR = ";";
const BOM = "\uFEFF";

export type CsvCell = string | number | null | undefined;

const formulaStart = /^[=+\-@\t\r]/;
const needsQuotes = /[;",\r\n]/;

/** One field, neutralised and quoted as needed. */
export function csvField(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = formulaStart.test(value) ? `'${value}` : value;
  return needsQuotes.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole file as text: BOM, then each record ended by CRLF. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return BOM + rows.map((row) => row.map(csvField).join(CSV_SEPARATOR) + "\r\n").join("");
}

/** The file's bytes (UTF-8, the BOM included). */
export function csvBytes(rows: readonly (readonly CsvCell[])[]): Buffer {
  return Buffer.from(toCsv(rows), "utf8");
}

/**
 * A file name that is safe in a header and on every file system: lower-case ASCII letters,
 * digits and dashes (å, ä, ö become a, a, o), ending in .csv.
 */
export function safeCsvFilename(base: string): string {
  const slug = base
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
  return `${slug || "export"}.csv`;
}

/** A download response: never cached, since it holds personal data. */
export function csvResponse(filename: string, rows: readonly (readonly CsvCell[])[]): Response {
  const body = csvBytes(rows);
  return new Response(new Uint8Array(body), {
    status: 200,
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${safeCsvFilename(filename)}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
