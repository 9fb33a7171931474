import { randomInt } from "node:crypto";

// No 0/O, 1/I/L, 2/Z, 5/S or U/V: a code read aloud, copied by hand or typed on a phone survives.
const LETTERS = "ABCDEFGHJKMNPQRTWXY";
const DIGITS = "346789";

/**
 * A pseudonymous visitor code such as "KTM-478": three letters and three
 * digits, about 13 million codes. It is random and says nothing about the parent.
 */
export function newVisitorCode(): string {
  const pick = (alphabet: string, n: number) => Array.from({ length: n }, () => alphabet[randomInt(alphabet.length)]).join("");
  return `${pick(LETTERS, 3)}-${pick(DIGITS, 3)}`;
}

/** Reads a code as typed: any case, with or without the dash or spaces. Null when it cannot be a code. */
export function normaliseVisitorCode(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]/g, "");
  if (!/^[A-Z]{3}[0-9]{3}$/.test(compact)) return null;
  return `${compact.slice(0, 3)}-${compact.slice(3)}`;
}
