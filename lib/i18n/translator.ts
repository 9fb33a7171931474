import { createFormatter, createTranslator } from "use-intl/core";
import fi from "@/messages/fi.json";
import sv from "@/messages/sv.json";
import en from "@/messages/en.json";
import { timeZone, type Locale } from "./locales";

export const allMessages = { fi, sv, en } as const;

function build(locale: Locale) {
  return {
    t: createTranslator({ locale, messages: allMessages[locale] }),
    format: createFormatter({ locale, timeZone }),
  };
}

// Built once per language: Intl formatters are slow to create, and every booking renders a message.
const cache = new Map<Locale, ReturnType<typeof build>>();

/** Translations and Helsinki-time formatting outside React: e-mails, calendar files. */
export function translatorFor(locale: Locale) {
  let translator = cache.get(locale);
  if (!translator) cache.set(locale, (translator = build(locale)));
  return translator;
}
