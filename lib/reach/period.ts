import { helsinkiMidnight } from "@/lib/i18n/time";

// Periods as day numbers (see lib/i18n/time.ts): a session belongs to the day
// and month of its start in Helsinki, so periods, weeks and months compare
// plain integers, however the clocks change in between.

const DAY_MS = 86_400_000;

export type Range = { from: number; to: number };
export type BucketUnit = "week" | "month";
export type Bucket = { key: number; from: number; to: number };

/** A day number as "YYYY-MM-DD". */
export function formatDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The (Helsinki) calendar parts of a day number, for formatting without a time zone slip. */
export function dayParts(day: number): { year: number; month: number; date: number } {
  const d = new Date(day * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth(), date: d.getUTCDate() };
}

export const monthOfDay = (day: number): number => {
  const { year, month } = dayParts(day);
  return year * 12 + month;
};

const firstDayOfMonth = (month: number): number => Date.UTC(Math.floor(month / 12), month % 12, 1) / DAY_MS;
const lastDayOfMonth = (month: number): number => firstDayOfMonth(month + 1) - 1;

/** ISO weeks (Monday first). Day 0 was a Thursday, so Monday-based weeks start at day -3. */
export const weekOfDay = (day: number): number => Math.floor((day + 3) / 7);
const firstDayOfWeek = (week: number): number => week * 7 - 3;

/**
 * The UTC instants a period covers: from Helsinki midnight at its first day to
 * Helsinki midnight after its last day (end exclusive).
 */
export function utcBounds(range: Range): { start: Date; end: Date } {
  return { start: helsinkiMidnight(range.from), end: helsinkiMidnight(range.to + 1) };
}

export const rangeLength = (r: Range): number => r.to - r.from + 1;

/** The period of the same length just before this one. */
export function previousRange(r: Range): Range {
  return { from: r.from - rangeLength(r), to: r.from - 1 };
}

/** Weeks for periods up to about two months, months beyond; the first and last are cut to the period. */
export function bucketUnitFor(r: Range): BucketUnit {
  return rangeLength(r) <= 62 ? "week" : "month";
}

export function buckets(r: Range, unit: BucketUnit = bucketUnitFor(r)): Bucket[] {
  const out: Bucket[] = [];
  if (unit === "month") {
    for (let m = monthOfDay(r.from); m <= monthOfDay(r.to); m++) {
      out.push({ key: m, from: Math.max(r.from, firstDayOfMonth(m)), to: Math.min(r.to, lastDayOfMonth(m)) });
    }
  } else {
    for (let w = weekOfDay(r.from); w <= weekOfDay(r.to); w++) {
      out.push({ key: w, from: Math.max(r.from, firstDayOfWeek(w)), to: Math.min(r.to, firstDayOfWeek(w) + 6) });
    }
  }
  return out;
}

/** A bucket still under way on `today`: its figures will grow, and the chart and exports say so. */
export function bucketUnfinished(b: { from: number; to: number }, today: number): boolean {
  return b.from <= today && today <= b.to;
}

export const periodPresets = ["this_month", "last_month", "this_quarter", "this_year", "all", "custom"] as const;
export type PeriodPreset = (typeof periodPresets)[number];

/**
 * The period a preset means on a given day. "all" runs from the first day with
 * a session to today; custom dates outside the order are swapped.
 */
export function resolvePeriod(
  preset: PeriodPreset,
  today: number,
  o: { firstDay: number | null; from?: number | null; to?: number | null },
): Range {
  const { year, month } = dayParts(today);
  const thisMonth = year * 12 + month;
  switch (preset) {
    case "this_month":
      return { from: firstDayOfMonth(thisMonth), to: lastDayOfMonth(thisMonth) };
    case "last_month":
      return { from: firstDayOfMonth(thisMonth - 1), to: lastDayOfMonth(thisMonth - 1) };
    case "this_quarter": {
      const q = year * 12 + month - (month % 3);
      return { from: firstDayOfMonth(q), to: lastDayOfMonth(q + 2) };
    }
    case "this_year":
      return { from: firstDayOfMonth(year * 12), to: lastDayOfMonth(year * 12 + 11) };
    case "all":
      return { from: Math.min(o.firstDay ?? today, today), to: today };
    case "custom": {
      const from = o.from ?? o.to ?? today;
      const to = o.to ?? o.from ?? today;
      return from <= to ? { from, to } : { from: to, to: from };
    }
  }
}
