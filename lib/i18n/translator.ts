import { createFormatter, createTranslator } from "use-intl/core";
import fi from "@/messages/fi.json";
import sv from "@/messages/sv.json";
import en from "@/messages/en.json";
import { timeZone, type Locale } from "./locales";

export const allMessages = { fi, sv, en } as const;

/** Translations and Helsinki-time formatting outside React: e-mails, calendar files. */
export function translatorFor(locale: Locale) {
  const messages = allMessages[locale];
  return {
    t: createTranslator({ locale, messages }),
    format: createFormatter({ locale, timeZone }),
  };
}
