import { TZDate } from "@date-fns/tz";
import { timeZone } from "./locales";

// Every conversion between a UTC instant and Helsinki's calendar and clock. A
// "day number" is a Helsinki date as days since 1970-01-01, a "month number"
// year * 12 + month index (0 = January), so periods compare plain integers.

/** A calendar date as typed in a form: "2026-03-31". */
export type DateString = string;
/** A wall-clock time in Helsinki: "09:00". */
export type TimeString = string;

const DAY_MS = 86_400_000;

/**
 * A Helsinki wall-clock date and time as a UTC instant. The offset is that of
 * the day itself (+02:00 in winter, +03:00 in summer).
 */
export function helsinkiInstant(date: DateString, time: TimeString): Date {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const [hh, mm] = time.split(":").map(Number) as [number, number];
  return new Date(new TZDate(y, m - 1, d, hh, mm, timeZone).getTime());
}

/** The other way: a UTC instant as the Helsinki date and wall-clock time a planner edits. */
export function helsinkiParts(instant: Date): { date: DateString; time: TimeString } {
  const d = new TZDate(instant.getTime(), timeZone);
  const pad = (n: number) => String(n).padStart(2, "0");
  return { date: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`, time: `${pad(d.getHours())}:${pad(d.getMinutes())}` };
}

/** The calendar day in Helsinki, e.g. "2026-11-24": sessions are grouped by the day a parent lives in. */
export const helsinkiDay = (date: Date): DateString => helsinkiParts(date).date;

/** The Helsinki day and month numbers of an instant. */
export function helsinkiDayOf(ms: number): { day: number; month: number } {
  const d = new TZDate(ms, timeZone);
  const y = d.getFullYear();
  const m = d.getMonth();
  return { day: Date.UTC(y, m, d.getDate()) / DAY_MS, month: y * 12 + m };
}

/** "2026-03-29" as a day number; null when it is not a real date. */
export function parseDay(text: string | undefined | null): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text ?? "");
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
  const ms = Date.UTC(y, mo, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo || back.getUTCDate() !== d) return null;
  return ms / DAY_MS;
}

/** The instant a Helsinki day (a day number) begins. */
export function helsinkiMidnight(day: number): Date {
  const d = new Date(day * DAY_MS);
  return new Date(new TZDate(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 0, 0, 0, timeZone).getTime());
}

/** Midnight in Helsinki at the start of the day `date` falls on. */
export const startOfHelsinkiDay = (date: Date): Date => helsinkiMidnight(helsinkiDayOf(date.getTime()).day);

/** Midnight in Helsinki at the end of the day `date` falls on: the start of the next day. */
export const endOfHelsinkiDay = (date: Date): Date => helsinkiMidnight(helsinkiDayOf(date.getTime()).day + 1);

/** Midnight in Helsinki on the first day of the month `date` falls in, plus some months. */
export function startOfHelsinkiMonth(date: Date, plusMonths = 0): Date {
  const month = helsinkiDayOf(date.getTime()).month + plusMonths;
  return new Date(new TZDate(Math.floor(month / 12), month % 12, 1, 0, 0, 0, timeZone).getTime());
}

/** A typed "YYYY-MM-DD" as the instant that Helsinki day (plus some days) begins; undefined when it is not a date. */
export function helsinkiDayStart(text: string | undefined, plusDays = 0): Date | undefined {
  const day = parseDay(text);
  return day === null ? undefined : helsinkiMidnight(day + plusDays);
}

/**
 * A moment as it reads on a clock in Helsinki, as a Date whose UTC fields are
 * that wall-clock time: what a spreadsheet cell keeps (dates there have no zone).
 */
export function helsinkiWallClock(at: Date | number): Date {
  const t = new TZDate(typeof at === "number" ? at : at.getTime(), timeZone);
  return new Date(Date.UTC(t.getFullYear(), t.getMonth(), t.getDate(), t.getHours(), t.getMinutes()));
}
