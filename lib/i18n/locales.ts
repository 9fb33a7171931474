export const locales = ["fi", "sv", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "fi";
export const timeZone = "Europe/Helsinki";

/**
 * The conventions each language formats dates and times with: Finland's Swedish writes
 * "9.00–15.00" (Sweden's "09:00"), and English is British ("2 December", 24-hour clock).
 */
export const formatLocales: Record<Locale, string> = { fi: "fi-FI", sv: "sv-FI", en: "en-GB" };

/** A locale sent with a form, or the default when it is missing or unknown. */
export function localeOr(value: unknown): Locale {
  return isLocale(value) ? value : defaultLocale;
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/**
 * A formatted date at the start of a line: "Tiistai 24. marraskuuta". Only the first letter is
 * raised, never by CSS, which would raise the month's too ("Marraskuuta").
 */
export function upperFirst(text: string, locale: Locale): string {
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}
