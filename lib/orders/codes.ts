// Ticket codes and order numbers in Crockford base32: no I, L, O or U, so a code read
// aloud or typed from paper cannot be mistaken for another.
import { randomBytes } from "node:crypto";

export const CROCKFORD_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** Ticket codes as the database accepts them (see the Ticket_code_format guard). */
export const TICKET_CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{16,}$/;
export const ORDER_NUMBER_PATTERN = /^[0-9A-HJKMNP-TV-Z]{8}$/;

/** Encodes the first `length * 5` bits of `bytes`; throws if there are not enough bits. */
export function encodeCrockford(bytes: Uint8Array, length: number): string {
  if (bytes.length * 8 < length * 5) {
    throw new RangeError(`${length} characters need ${Math.ceil((length * 5) / 8)} bytes`);
  }
  let out = "";
  let buffer = 0;
  let bits = 0;
  let index = 0;
  while (out.length < length) {
    if (bits < 5) {
      buffer = ((buffer << 8) | bytes[index++]) & 0xffff;
      bits += 8;
    }
    bits -= 5;
    out += CROCKFORD_ALPHABET[(buffer >> bits) & 31];
  }
  return out;
}

/** 16 characters carrying 80 random bits: the code printed on a ticket and checked at the door. */
export function newTicketCode(): string {
  return encodeCrockford(randomBytes(10), 16);
}

/** 8 characters (40 random bits), short enough to read over the phone; unique in the database. */
export function newOrderNumber(): string {
  return encodeCrockford(randomBytes(5), 8);
}
