// Structured logs: one JSON line per event on stdout, for journald, Docker or
// any collector. No e-mail address, phone number, token or free text a parent
// wrote may end up in a log: callers pass ids and counts, and as a second line
// of defence anything shaped like an address, a number or a token is masked,
// and fields named for personal data (nickname, comment, contact…) are dropped,
// before it is written.
import pino from "pino";

const EMAIL = /[^\s@<>"'(),;:]+@[^\s@<>"'(),;:]+\.[a-z]{2,}/gi;
// Manage tokens, session tokens, sign-in tokens: long runs of URL-safe characters.
const TOKEN = /[A-Za-z0-9_-]{32,}/g;
// Phone numbers: international (+358 40 123 4567, 00358…), an msisdn as a provider writes it
// (358401234567), and Finnish ones as typed (040 123 4567, 050-1234567). Dates, times and ids
// do not start with +, 00, 358 or a single 0 followed by a digit group like these.
const PHONE = /(?:\+|\b00)\d[\d -]{5,16}\d|\b358\d{6,12}\b|\b0\d{1,3}[ -]?\d{3}[ -]?\d{2,4}\b/g;

/** A string with addresses, phone numbers and tokens masked. */
export function scrub(text) {
  return text.replace(EMAIL, "[e-mail]").replace(TOKEN, "[token]").replace(PHONE, "[phone]");
}

// Fields that hold what a parent wrote or who they are: dropped by name, whatever they hold,
// since a nickname or a comment has no shape a pattern could recognise.
const PERSONAL = new Set([
  "nickname",
  "comment",
  "comments",
  "contact",
  "concern",
  "email",
  "phone",
  "recipient",
  "interpreterLanguage",
  "accessibilityNeeds",
  "childcare",
  "text",
  "textBody",
]);

function scrubDeep(value, depth = 0) {
  if (typeof value === "string") return scrub(value);
  if (depth > 4 || value === null || typeof value !== "object") return value;
  if (value instanceof Error) return { type: value.name, message: scrub(value.message), stack: value.stack && scrub(value.stack) };
  if (Array.isArray(value)) return value.map((v) => scrubDeep(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, PERSONAL.has(k) && v != null ? "[redacted]" : scrubDeep(v, depth + 1)]));
}

/**
 * @param {import("pino").DestinationStream} [destination] where the lines go (stdout by default; tests pass their own)
 */
export function createLogger(destination) {
  return pino(
    {
      base: { app: "kohtaamo" },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }), log: (object) => scrubDeep(object) },
      hooks: {
        // The message string too, not only the fields.
        logMethod(args, method) {
          method.apply(this, args.map((a) => (typeof a === "string" ? scrub(a) : a)));
        },
      },
    },
    destination,
  );
}

export const log = createLogger();
