import { parsePhoneNumberFromString } from "libphonenumber-js/max";

/*
 * Mobile numbers as parents type them: "040 123 4567", "+358 40 123 4567",
 * "00358401234567". Finnish unless a country code says otherwise. Stored in
 * E.164 ("+358401234567"), the one form the provider and the daily cap compare.
 * The full ("max") metadata tells a mobile number from a landline, which
 * cannot receive a text message.
 */

const CAN_TEXT = new Set(["MOBILE", "FIXED_LINE_OR_MOBILE", "PERSONAL_NUMBER"]);

/** The number in E.164, or null when it is not a mobile number anywhere. */
export function normaliseMobile(typed: string): string | null {
  const cleaned = typed.trim().replace(/^00/, "+");
  const parsed = parsePhoneNumberFromString(cleaned, "FI");
  if (!parsed?.isValid()) return null;
  const type = parsed.getType();
  // Some countries' metadata does not say; a valid number there is given the benefit of the doubt.
  if (type !== undefined && !CAN_TEXT.has(type)) return null;
  return parsed.number;
}

