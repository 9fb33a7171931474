import { translatorFor } from "@/lib/i18n/translator";
import type { Locale } from "@/lib/i18n/locales";
import { dayParts } from "./period";
import type { Masked, MaskedRate } from "./publication";

/** How the figures read in each language: the same words on the page, the report and the exports. */
export function reachFormat(locale: Locale) {
  const { t, format } = translatorFor(locale);
  const date = (day: number) => {
    const { year, month, date: d } = dayParts(day);
    // Noon UTC is the same calendar day in Helsinki.
    return format.dateTime(new Date(Date.UTC(year, month, d, 12)), { year: "numeric", month: "numeric", day: "numeric" });
  };
  const count = (m: Masked): string => (m === "hidden" ? t("reach.hidden") : m === "<5" ? "<5" : format.number(m));
  const percent = (r: MaskedRate): string =>
    r === null ? t("reach.noData") : r === "hidden" ? t("reach.hidden") : format.number(r, { style: "percent", maximumFractionDigits: 1 });
  const decimal = (r: MaskedRate): string =>
    r === null ? t("reach.noData") : r === "hidden" ? t("reach.hidden") : format.number(r, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
  const monthDate = (key: number) => new Date(Date.UTC(Math.floor(key / 12), key % 12, 15));
  const month = (key: number) => format.dateTime(monthDate(key), { year: "numeric", month: "long" });
  // The language's own short month ("maalis 26", "mars 26", "Mar 26"), never cut to three letters:
  // in Finnish "mar" is both March (maaliskuu) and November (marraskuu).
  const monthShort = (key: number) => format.dateTime(monthDate(key), { year: "2-digit", month: "short" });
  // The parents' own words from the feedback form ("Bad" … "Good"), not a scale of our making.
  const rating = (n: 1 | 2 | 3 | 4) => t(`feedback.form.rating${n}`);
  /** A chart or table label, marked when its period is not over yet. */
  const bucket = (label: string, unfinished: boolean) => (unfinished ? t("reach.chart.soFar", { label }) : label);
  const time = (at: number) => format.dateTime(new Date(at), { hour: "numeric", minute: "2-digit" });
  return { t, date, time, count, percent, decimal, month, monthShort, bucket, rating };
}
