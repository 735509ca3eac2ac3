// Text people type into forms, before it reaches the database, an email header or a greeting.
// Single-line fields (names, handles, titles, searches, order numbers) refuse every control
// character; multi-line fields (a bio, an event description, a message) allow only line breaks
// and tabs, with the CR LF that browsers send for a textarea turned into LF. Line and paragraph
// separators and the bidirectional overrides that can disguise text are refused in both. One
// field message, "control_characters", explains the refusal.
import { z } from "zod";

const SINGLE_LINE_FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;
const MULTI_LINE_FORBIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

export const CONTROL_CHARACTERS_ERROR = "control_characters";

export function isSingleLineText(value: string): boolean {
  return !SINGLE_LINE_FORBIDDEN.test(value);
}

export function isMultiLineText(value: string): boolean {
  return !MULTI_LINE_FORBIDDEN.test(value);
}

/** Browsers send a textarea's line breaks as CR LF; the text is stored with LF. */
export function normaliseLineBreaks(value: string): string {
  return value.replace(/\r\n?/g, "\n");
}

/**
 * A trimmed single-line string that refuses control characters before any other check runs;
 * chain `.min()`/`.max()` for the field's own rules.
 */
export function singleLineText(error: string = CONTROL_CHARACTERS_ERROR) {
  return z.string().trim().refine(isSingleLineText, { error, abort: true });
}

/** A trimmed multi-line string (LF line breaks, tabs) that refuses every other control character. */
export function multiLineText(error: string = CONTROL_CHARACTERS_ERROR) {
  return z.string().overwrite(normaliseLineBreaks).trim().refine(isMultiLineText, { error, abort: true });
}
