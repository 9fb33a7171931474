import "server-only";
import { and, asc, eq, gt, isNull, lt, lte, or, sql } from "drizzle-orm";
import type { Reader } from "@/db/client";
import { places, sessions, visits } from "@/db/schema";
import { startOfHelsinkiDay } from "@/lib/i18n/time";
import { assignedTo, isPlanner, type Actor } from "@/lib/auth/staff";

/**
 * The sessions the actor runs (a planner sees every place's): today's and the
 * coming two weeks', and before them every past session of theirs still open,
 * "to close", so one left open never drops off a facilitator's list and its
 * feedback QR code can still be shown. A planner, who sees every place, gets
 * the last month's open sessions: the whole service's history would not fit a list.
 */
export function hostSessions(tx: Reader, actor: Actor, now: Date) {
  const from = startOfHelsinkiDay(now);
  const until = new Date(from.getTime() + 15 * 86_400_000);
  const coming = and(gt(sessions.endsAt, from), lt(sessions.startsAt, until));
  const planner = isPlanner(actor);
  const toClose = and(
    lte(sessions.endsAt, from),
    isNull(sessions.closedAt),
    eq(sessions.status, "scheduled"),
    planner ? gt(sessions.endsAt, new Date(from.getTime() - 31 * 86_400_000)) : undefined,
  );
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
      toClose: sql<boolean>`${toClose}`.mapWith(Boolean),
    })
    .from(sessions)
    .innerJoin(places, eq(places.id, sessions.placeId))
    .where(and(or(coming, toClose), planner ? undefined : assignedTo(tx, actor.id)))
    .orderBy(asc(sessions.startsAt))
    .all();
}
