import "server-only";
import { randomInt } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Reader, Writer } from "@/db/client";
import { visitorCodes } from "@/db/schema";

/*
 * The visitor code: a parent's pseudonym, kept from visit to visit so reach
 * counts them once. Given at the door or on the booking's page, typed at
 * either: the door and the booking both use it, and neither owns it.
 */

// No 0/O, 1/I/L, 2/Z, 5/S or U/V: a code read aloud, copied by hand or typed on a phone survives.
const LETTERS = "ABCDEFGHJKMNPQRTWXY"; // 19
const DIGITS = "346789"; // 6

/**
 * The shape of a visitor code: three letters, four digits, three letters,
 * "KTM-4783-PXW". Three groups, so it never looks like a booking code
 * ("K7M-4QX", two groups of mixed characters) and a parent does not type one
 * for the other.
 *
 * The space is 19^6 · 6^4 = 47,045,881 · 1,296 = 60,971,461,776 codes (about
 * 6·10^10). Even with 100,000 codes given out, one guess hits one with a chance
 * of 1 in 600,000, and the booking form (ten tries per address per ten
 * minutes) never says whether a typed code exists, so guessing gains nothing.
 */
const SHAPE = new RegExp(`^([${LETTERS}]{3})([${DIGITS}]{4})([${LETTERS}]{3})$`);

export const VISITOR_CODE_SPACE = LETTERS.length ** 6 * DIGITS.length ** 4;

/** A new random visitor code. It says nothing about the parent. */
export function newVisitorCode(): string {
  const pick = (alphabet: string, n: number) => Array.from({ length: n }, () => alphabet[randomInt(alphabet.length)]).join("");
  return `${pick(LETTERS, 3)}-${pick(DIGITS, 4)}-${pick(LETTERS, 3)}`;
}

/**
 * Reads a code as typed: any case, with or without dashes or spaces. Null when
 * it cannot be a code. Only the three-group shape is read: the demo data is
 * seeded afresh, and the old "KTM-478" shape is the one parents confused with
 * booking codes.
 */
export function normaliseVisitorCode(input: string): string | null {
  const match = SHAPE.exec(input.toUpperCase().replace(/[\s-]/g, ""));
  return match ? `${match[1]}-${match[2]}-${match[3]}` : null;
}

/** A new visitor code, stored, and never one already given out. */
export function createVisitorCode(tx: Reader & Writer): string {
  let code = newVisitorCode();
  while (tx.select({ code: visitorCodes.code }).from(visitorCodes).where(eq(visitorCodes.code, code)).get()) code = newVisitorCode();
  tx.insert(visitorCodes).values({ code }).run();
  return code;
}
