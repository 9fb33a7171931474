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
