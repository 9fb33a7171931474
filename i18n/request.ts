import { getRequestConfig } from "next-intl/server";
import { hasLocale } from "next-intl";
import { allMessages } from "@/lib/i18n/translator";
import { timeZone } from "@/lib/i18n/locales";
import { routing } from "./routing";

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  return { locale, messages: allMessages[locale], timeZone };
});
