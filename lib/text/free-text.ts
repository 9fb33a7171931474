import { z } from "zod";

/*
 * Every free text a parent or staff member sends (nickname, needs, comments,
 * a concern, a note, a title) goes through here before it is stored: it is
 * shown in the roster, on the planner's pages and in e-mails, so it must not
 * carry invisible characters that hide or reorder what is written.
 */

// C0 controls except tab and line breaks, DEL, C1 controls.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
// Bidirectional embeddings and overrides (LRE, RLE, PDF, LRO, RLO) and isolates (LRI, RLI, FSI, PDI):
// "U+202E" makes "txt.exe" read as "exe.txt".
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/g;
const LINE_BREAK = /\r\n?|[\u2028\u2029]/g;
// Zero-width space, word joiner and byte-order mark: invisible everywhere, they make "Anna\u200B" a
// second "Anna" on the roster and split a word so a search or a filter misses it.
const ZERO_WIDTH = /[\u200B\u2060\uFEFF]/g;
// Zero-width non-joiner and joiner: in a one-line name they only hide; in a longer text they are kept,
// as they join an emoji sequence ("👩‍👧") and shape Persian or Indic words.
const ZERO_WIDTH_JOINERS = /[\u200C\u200D]/g;

export type CleanOptions = {
  /** Keep line breaks (a textarea); otherwise every line break and tab becomes a space. */
  multiline?: boolean;
};

/** NFC-normalised, without control, bidirectional-override or zero-width characters. Does not trim. */
export function cleanText(raw: string, { multiline = false }: CleanOptions = {}): string {
  const text = raw.normalize("NFC").replace(LINE_BREAK, "\n").replace(CONTROL, "").replace(BIDI_CONTROL, "").replace(ZERO_WIDTH, "");
  return multiline ? text : text.replace(ZERO_WIDTH_JOINERS, "").replace(/[\n\t]/g, " ");
}

/**
 * A zod string for a free-text field: cleaned, then trimmed. Chain `.max()`,
 * `.min()` and the rest as on any `z.string()`.
 */
export function freeText(options: CleanOptions & { message?: string } = {}) {
  const { message, ...clean } = options;
  return z
    .string(message ? { message } : undefined)
    .overwrite((v) => cleanText(v, clean))
    .trim();
}
