import { parsePhoneNumberFromString } from "libphonenumber-js/max";

/*
 * Mobile numbers as parents type them: "040 123 4567", "+358 40 123 4567",
 * "00358401234567". Finnish unless a country code says otherwise. Stored in
 * E.164 ("+358401234567"), the one form the provider and the daily cap compare.
 * The full ("max") metadata tells a mobile number from a landline, which
 * cannot receive a text message. Only the countries of SMS_COUNTRIES are
 * texted: pumping texts to numbers abroad is a classic fraud that bills the
 * organisation.
 */

const CAN_TEXT = new Set(["MOBILE", "FIXED_LINE_OR_MOBILE", "PERSONAL_NUMBER"]);

/**
 * Regions that come with a country in SMS_COUNTRIES: Åland (AX) shares
 * Finland's numbering (+358 18), so FI means both.
 */
const COMES_WITH: Record<string, string[]> = { FI: ["AX"] };

/** Whether texts may go to a number of this region: only the countries in SMS_COUNTRIES, so nobody can run up the bill with numbers abroad. */
export function textableCountry(region: string | undefined, countries: readonly string[]): boolean {
  if (!region) return false;
  return countries.some((c) => c === region || (COMES_WITH[c] ?? []).includes(region));
}

export type MobileCheck = { ok: true; number: string } | { ok: false; reason: "phoneInvalid" | "phoneCountry" };

/**
 * The number in E.164, or why it cannot be texted: not a mobile number
 * anywhere, or a number of a country text messages do not go to.
 */
export function checkMobile(typed: string, countries: readonly string[]): MobileCheck {
  const cleaned = typed.trim().replace(/^00/, "+");
  const parsed = parsePhoneNumberFromString(cleaned, "FI");
  if (!parsed?.isValid()) return { ok: false, reason: "phoneInvalid" };
  if (!textableCountry(parsed.country, countries)) return { ok: false, reason: "phoneCountry" };
  const type = parsed.getType();
  // Some countries' metadata does not say; a valid number there is given the benefit of the doubt.
  if (type !== undefined && !CAN_TEXT.has(type)) return { ok: false, reason: "phoneInvalid" };
  return { ok: true, number: parsed.number };
}

/** Whether a stored number (E.164) may still be texted: a number queued before SMS_COUNTRIES changed is not. */
export function textableNumber(e164: string, countries: readonly string[]): boolean {
  return textableCountry(parsePhoneNumberFromString(e164)?.country, countries);
}

/** The countries as a parent reads them, in their language: "Suomi", "Finland and Sweden". */
export function countryNames(countries: readonly string[], locale: string): string {
  const names = new Intl.DisplayNames([locale], { type: "region" });
  return new Intl.ListFormat(locale, { type: "conjunction" }).format(countries.map((c) => names.of(c) ?? c));
}
