import { createFormatter, createTranslator } from "use-intl/core";
import fi from "@/messages/fi.json";
import sv from "@/messages/sv.json";
import en from "@/messages/en.json";
import staffFi from "@/messages/staff/fi.json";
import staffSv from "@/messages/staff/sv.json";
import staffEn from "@/messages/staff/en.json";
import hostFi from "@/messages/host/fi.json";
import hostSv from "@/messages/host/sv.json";
import hostEn from "@/messages/host/en.json";
import planFi from "@/messages/plan/fi.json";
import planSv from "@/messages/plan/sv.json";
import planEn from "@/messages/plan/en.json";
import reachFi from "@/messages/reach/fi.json";
import reachSv from "@/messages/reach/sv.json";
import reachEn from "@/messages/reach/en.json";
import feedbackFi from "@/messages/feedback/fi.json";
import feedbackSv from "@/messages/feedback/sv.json";
import feedbackEn from "@/messages/feedback/en.json";
import dialogueFi from "@/messages/dialogue/fi.json";
import dialogueSv from "@/messages/dialogue/sv.json";
import dialogueEn from "@/messages/dialogue/en.json";
import smsFi from "@/messages/sms/fi.json";
import smsSv from "@/messages/sms/sv.json";
import smsEn from "@/messages/sms/en.json";
import countiesFi from "@/messages/counties/fi.json";
import countiesSv from "@/messages/counties/sv.json";
import countiesEn from "@/messages/counties/en.json";
import kioskFi from "@/messages/kiosk/fi.json";
import kioskSv from "@/messages/kiosk/sv.json";
import kioskEn from "@/messages/kiosk/en.json";
import legalFi from "@/messages/legal/fi.json";
import legalSv from "@/messages/legal/sv.json";
import legalEn from "@/messages/legal/en.json";
import { formatLocales, timeZone, type Locale } from "./locales";

// Public pages' messages, then one file per staff area and the text messages (each with its own top-level namespace).
export const allMessages = {
  fi: { ...fi, ...staffFi, ...hostFi, ...planFi, ...reachFi, ...feedbackFi, ...smsFi, ...dialogueFi, ...countiesFi, ...kioskFi, ...legalFi },
  sv: { ...sv, ...staffSv, ...hostSv, ...planSv, ...reachSv, ...feedbackSv, ...smsSv, ...dialogueSv, ...countiesSv, ...kioskSv, ...legalSv },
  en: { ...en, ...staffEn, ...hostEn, ...planEn, ...reachEn, ...feedbackEn, ...smsEn, ...dialogueEn, ...countiesEn, ...kioskEn, ...legalEn },
} as const;

function build(locale: Locale) {
  return {
    t: createTranslator({ locale, messages: allMessages[locale] }),
    format: createFormatter({ locale: formatLocales[locale], timeZone }),
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

/**
 * Helsinki-time dates and times in a language's national convention (sv-FI, en-GB). Pages use
 * this rather than next-intl's getFormatter(), which formats with the bare "sv" and "en".
 */
export function formatterFor(locale: Locale) {
  return translatorFor(locale).format;
}
