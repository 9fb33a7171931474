export const locales = ["fi", "sv", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "fi";
export const timeZone = "Europe/Helsinki";

/** A locale sent with a form, or the default when it is missing or unknown. */
export function localeOr(value: unknown): Locale {
  return isLocale(value) ? value : defaultLocale;
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}
