import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { timeZone } from "./locales";

/** The calendar day in Helsinki, e.g. "2026-11-24": sessions are grouped by the day a parent lives in. */
export function helsinkiDay(date: Date): string {
  return format(new TZDate(date.getTime(), timeZone), "yyyy-MM-dd");
}
