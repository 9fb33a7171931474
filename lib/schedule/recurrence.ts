import { TZDate } from "@date-fns/tz";
import { timeZone } from "@/lib/i18n/locales";

/** A calendar date as typed in a form: "2026-03-31". */
export type DateString = string;
/** A wall-clock time in Helsinki: "09:00". */
export type TimeString = string;

export type WeeklyRule = {
  /** 1 = Monday … 7 = Sunday (ISO). */
  weekday: number;
  startTime: TimeString;
  endTime: TimeString;
  fromDate: DateString;
  toDate: DateString;
  skipDates: DateString[];
};

export type Occurrence = { date: DateString; startsAt: Date; endsAt: Date };

const DAY = 86_400_000;

function parseDate(date: DateString): { y: number; m: number; d: number } {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return { y, m, d };
}

/**
 * A Helsinki wall-clock date and time as a UTC instant. The offset is that of
 * the day itself (+02:00 in winter, +03:00 in summer), so a meeting at 9:00
 * stays at 9:00 when the clocks change.
 */
export function helsinkiInstant(date: DateString, time: TimeString): Date {
  const { y, m, d } = parseDate(date);
  const [hh, mm] = time.split(":").map(Number) as [number, number];
  return new Date(new TZDate(y, m - 1, d, hh, mm, timeZone).getTime());
}

/** Calendar arithmetic on plain dates, done in UTC so the server's own time zone never enters. */
function toDay(date: DateString): number {
  const { y, m, d } = parseDate(date);
  return Date.UTC(y, m - 1, d);
}

function fromDay(ms: number): DateString {
  return new Date(ms).toISOString().slice(0, 10);
}

export function isoWeekday(date: DateString): number {
  const day = new Date(toDay(date)).getUTCDay();
  return day === 0 ? 7 : day;
}

/** Whole days from one date to another (negative when `to` is earlier). */
export function daysBetween(from: DateString, to: DateString): number {
  return Math.round((toDay(to) - toDay(from)) / DAY);
}

/** Every meeting of a weekly rule, in order: each weekday from the first to the last date, except the skipped ones. */
export function weeklyOccurrences(rule: WeeklyRule): Occurrence[] {
  const skip = new Set(rule.skipDates);
  const ahead = (rule.weekday - isoWeekday(rule.fromDate) + 7) % 7;
  const first = toDay(rule.fromDate) + ahead * DAY;
  const last = toDay(rule.toDate);
  const result: Occurrence[] = [];
  for (let day = first; day <= last; day += 7 * DAY) {
    const date = fromDay(day);
    if (skip.has(date)) continue;
    result.push({ date, startsAt: helsinkiInstant(date, rule.startTime), endsAt: helsinkiInstant(date, rule.endTime) });
  }
  return result;
}

/** The other way: a UTC instant as the Helsinki date and wall-clock time a planner edits. */
export function helsinkiParts(instant: Date): { date: DateString; time: TimeString } {
  const d = new TZDate(instant.getTime(), timeZone);
  const pad = (n: number) => String(n).padStart(2, "0");
  return { date: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`, time: `${pad(d.getHours())}:${pad(d.getMinutes())}` };
}
