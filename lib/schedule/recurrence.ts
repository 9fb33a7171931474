import { helsinkiInstant, type DateString, type TimeString } from "@/lib/i18n/time";

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
