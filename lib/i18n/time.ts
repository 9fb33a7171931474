import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { timeZone } from "./locales";

/** The calendar day in Helsinki, e.g. "2026-11-24": sessions are grouped by the day a parent lives in. */
export function helsinkiDay(date: Date): string {
  return format(new TZDate(date.getTime(), timeZone), "yyyy-MM-dd");
}

/** Midnight in Helsinki at the start of the day `date` falls on. */
export function startOfHelsinkiDay(date: Date): Date {
  const t = new TZDate(date.getTime(), timeZone);
  return new Date(new TZDate(t.getFullYear(), t.getMonth(), t.getDate(), timeZone).getTime());
}

/** Midnight in Helsinki at the start of a calendar day given as "2026-11-24". */
export function helsinkiMidnight(day: string): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(new TZDate(y, m - 1, d, timeZone).getTime());
}

/** The calendar day after "2026-11-30": "2026-12-01". Plain date arithmetic, no time zone involved. */
export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/**
 * A moment as it reads on a clock in Helsinki, as a Date whose UTC fields are
 * that wall-clock time: what a spreadsheet cell keeps (dates there have no zone).
 */
export function helsinkiWallClock(at: Date | number): Date {
  const t = new TZDate(typeof at === "number" ? at : at.getTime(), timeZone);
  return new Date(Date.UTC(t.getFullYear(), t.getMonth(), t.getDate(), t.getHours(), t.getMinutes()));
}
