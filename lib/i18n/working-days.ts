import Holidays from "date-holidays";

/*
 * Finnish working days, on Helsinki day numbers (lib/i18n/time.ts). Not a
 * working day: Saturday, Sunday, every Finnish public holiday, and Midsummer
 * Eve and Christmas Eve, which are not working days under the Annual Holidays
 * Act (vuosilomalaki 4 §) although they are not public holidays. The calendar
 * comes from the maintained date-holidays package (Easter, Midsummer and All
 * Saints' Day move each year), not from a list typed here.
 */

const DAY_MS = 86_400_000;
const finland = new Holidays("FI");
// date-holidays lists the two eves as "bank" holidays, beside New Year's Eve, which is a working day.
const EVES = new Set(["12-24", "friday after 06-19"]);
const byYear = new Map<number, Set<string>>();

function holidaysOf(year: number): Set<string> {
  let days = byYear.get(year);
  if (!days) {
    const list = finland.getHolidays(year) || [];
    days = new Set(list.filter((h) => h.type === "public" || (h.type === "bank" && EVES.has(h.rule))).map((h) => h.date.slice(0, 10)));
    byYear.set(year, days);
  }
  return days;
}

/** Whether a Helsinki day (a day number) is a Finnish working day. */
export function isWorkingDay(day: number): boolean {
  const date = new Date(day * DAY_MS);
  const weekday = date.getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !holidaysOf(date.getUTCFullYear()).has(date.toISOString().slice(0, 10));
}

/** The day itself when it is a working day, else the next working day. */
export function workingDayFrom(day: number): number {
  let d = day;
  while (!isWorkingDay(d)) d++;
  return d;
}

/**
 * The working day `n` working days after `day`, counting `day` as day 0 when
 * it is a working day (and the next working day as day 0 when it is not):
 * received on Friday with n = 2, due on Tuesday.
 */
export function addWorkingDays(day: number, n: number): number {
  let d = workingDayFrom(day);
  for (let left = n; left > 0; left--) d = workingDayFrom(d + 1);
  return d;
}

/** Working days from `from` (day 0, as in addWorkingDays) to `to`: 0 on the same working day. Never below 0. */
export function workingDaysBetween(from: number, to: number): number {
  let count = 0;
  for (let d = workingDayFrom(from) + 1; d <= to; d++) if (isWorkingDay(d)) count++;
  return count;
}
