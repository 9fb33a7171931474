import "server-only";
import { TZDate } from "@date-fns/tz";
import { startOfDay } from "date-fns";
import { and, asc, eq, gt, lt, sql } from "drizzle-orm";
import type { DB } from "@/db/client";
import { places, sessions, visits } from "@/db/schema";
import { timeZone } from "@/lib/i18n/locales";
import { assignedTo, isPlanner, type Actor } from "@/lib/auth/staff";

type Tx = Pick<DB, "select">;

/** Today's and the coming two weeks' sessions the actor runs (a planner sees every place's). */
export function hostSessions(tx: Tx, actor: Actor, now: Date) {
  const from = startOfDay(new TZDate(now.getTime(), timeZone));
  const until = new Date(from.getTime() + 15 * 86_400_000);
  return tx
    .select({
      id: sessions.id,
      kind: sessions.kind,
      title: sessions.title,
      startsAt: sessions.startsAt,
      endsAt: sessions.endsAt,
      status: sessions.status,
      closedAt: sessions.closedAt,
      place: places.name,
      visits: sql<number>`(SELECT count(*) FROM ${visits} WHERE ${visits.sessionId} = ${sessions.id})`,
    })
    .from(sessions)
    .innerJoin(places, eq(places.id, sessions.placeId))
    .where(and(gt(sessions.endsAt, new Date(from.getTime())), lt(sessions.startsAt, until), isPlanner(actor) ? undefined : assignedTo(tx, actor.id)))
    .orderBy(asc(sessions.startsAt))
    .all();
}
