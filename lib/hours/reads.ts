import "server-only";
import { and, asc, eq, gte, lt, lte } from "drizzle-orm";
import type { DB } from "@/db/client";
import { places, sessionFacilitators, sessions, users, type Localized } from "@/db/schema";
import { activeStaffById, isPlanner, type Actor } from "@/lib/auth/staff";
import { helsinkiDay, helsinkiDayStart, startOfHelsinkiMonth } from "@/lib/i18n/time";

/*
 * Experience experts are paid a fee per assignment. Their hours are the
 * scheduled length of each session they ran, unless a planner recorded
 * otherwise (it ran long). Only sessions that were held count: not
 * cancelled, and already started.
 */

export type HoursLine = {
  sessionId: number;
  startsAt: Date;
  endsAt: Date;
  title: Localized;
  place: string;
  scheduledMinutes: number;
  minutes: number;
  adjusted: boolean;
};

export type PersonHours = {
  userId: string;
  name: string;
  lines: HoursLine[];
  /** "2026-11" → minutes, in the order of the months. */
  months: { month: string; minutes: number }[];
  minutes: number;
};

export type HoursPeriod = { from: string; to: string };

export type HoursView = { ok: true; period: HoursPeriod; people: PersonHours[]; planner: boolean } | { ok: false };

/** Minutes as decimal hours, to the hundredth: what a fee is counted in. */
export const hoursOf = (minutes: number) => Math.round((minutes / 60) * 100) / 100;

/** The month the day falls in, in Helsinki: "2026-11". */
const monthOf = (d: Date) => helsinkiDay(d).slice(0, 7);

/** The current month in Helsinki, first to last day. */
export function thisMonth(now: Date): HoursPeriod {
  const next = startOfHelsinkiMonth(now, 1);
  return { from: helsinkiDay(startOfHelsinkiMonth(now)), to: helsinkiDay(new Date(next.getTime() - 1)) };
}

/**
 * Each facilitator's held sessions and hours in the period (Helsinki days,
 * inclusive). Planners see everyone (or one person); a facilitator sees only
 * themselves, whatever they ask for.
 */
export function hoursView(db: DB, actor: Actor | null, q: { from?: string; to?: string; person?: string }, now = new Date()): HoursView {
  const fresh = actor ? activeStaffById(db, actor.id) : null;
  if (!fresh) return { ok: false };
  const planner = isPlanner(fresh);
  const fallback = thisMonth(now);
  const period = { from: q.from ?? fallback.from, to: q.to ?? fallback.to };
  if (period.to < period.from) [period.from, period.to] = [period.to, period.from];
  const start = helsinkiDayStart(period.from)!;
  const endExclusive = helsinkiDayStart(period.to, 1)!;
  const who = planner ? (q.person ?? null) : fresh.id;

  const rows = db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      sessionId: sessions.id,
      startsAt: sessions.startsAt,
      endsAt: sessions.endsAt,
      title: sessions.title,
      place: places.name,
      minutes: sessionFacilitators.minutes,
    })
    .from(sessionFacilitators)
    .innerJoin(sessions, eq(sessions.id, sessionFacilitators.sessionId))
    .innerJoin(users, eq(users.id, sessionFacilitators.userId))
    .innerJoin(places, eq(places.id, sessions.placeId))
    .where(
      and(
        eq(sessions.status, "scheduled"),
        gte(sessions.startsAt, start),
        lt(sessions.startsAt, endExclusive),
        lte(sessions.startsAt, now),
        who ? eq(sessionFacilitators.userId, who) : undefined,
      ),
    )
    .orderBy(asc(users.name), asc(sessions.startsAt))
    .all();

  const people = new Map<string, PersonHours>();
  for (const r of rows) {
    const scheduledMinutes = Math.round((r.endsAt.getTime() - r.startsAt.getTime()) / 60_000);
    const minutes = r.minutes ?? scheduledMinutes;
    const person = people.get(r.userId) ?? people.set(r.userId, { userId: r.userId, name: r.name ?? r.email ?? "", lines: [], months: [], minutes: 0 }).get(r.userId)!;
    person.lines.push({ sessionId: r.sessionId, startsAt: r.startsAt, endsAt: r.endsAt, title: r.title, place: r.place, scheduledMinutes, minutes, adjusted: r.minutes !== null });
    person.minutes += minutes;
    const month = monthOf(r.startsAt);
    const m = person.months.find((x) => x.month === month) ?? (person.months.push({ month, minutes: 0 }), person.months.at(-1)!);
    m.minutes += minutes;
  }
  return { ok: true, period, people: [...people.values()], planner };
}
