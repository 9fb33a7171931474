import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import type { Reader } from "@/db/client";
import { attendance, bookings, feedbackLinks, places, sessions, visits } from "@/db/schema";
import { canRunSession, isPlanner, type Actor } from "@/lib/auth/staff";
import { bookingsOf } from "@/lib/booking/bookable";
import { doorPhase, doorWindow, type DoorPhase } from "./window";

export function sessionAtDoor(tx: Reader, sessionId: number) {
  return (
    tx
      .select({
        id: sessions.id,
        groupId: sessions.groupId,
        startsAt: sessions.startsAt,
        endsAt: sessions.endsAt,
        status: sessions.status,
        closedAt: sessions.closedAt,
        closingNote: sessions.closingNote,
      })
      .from(sessions)
      .where(eq(sessions.id, sessionId))
      .get() ?? null
  );
}

export type Tally = {
  firstTime: number;
  returning: number;
  newCodes: number;
  codes: number;
  professional: number;
  other: number;
  booked: number;
  total: number;
};

/** The running totals at the door. Computed from the visits, so every device sees the same figures. */
export function tally(tx: Reader, sessionId: number): Tally {
  const rows = tx
    .select({ kind: visits.kind, source: visits.source, firstTime: visits.firstTime, n: sql<number>`count(*)` })
    .from(visits)
    .where(eq(visits.sessionId, sessionId))
    .groupBy(visits.kind, visits.source, visits.firstTime)
    .all();
  const t: Tally = { firstTime: 0, returning: 0, newCodes: 0, codes: 0, professional: 0, other: 0, booked: 0, total: 0 };
  for (const r of rows) {
    t.total += r.n;
    if (r.kind === "professional") t.professional += r.n;
    else if (r.kind === "other") t.other += r.n;
    else if (r.source === "booking") t.booked += r.n;
    else if (r.source === "code") t[r.firstTime ? "newCodes" : "codes"] += r.n;
    else t[r.firstTime ? "firstTime" : "returning"] += r.n;
  }
  return t;
}

/** Attendance of each booking at this meeting, without any personal data: safe to poll every few seconds. */
export function attendanceAtDoor(tx: Reader, sessionId: number): Record<number, "attended" | "no_show"> {
  const rows = tx
    .select({ bookingId: attendance.bookingId, status: attendance.status })
    .from(attendance)
    .where(eq(attendance.sessionId, sessionId))
    .all();
  return Object.fromEntries(rows.map((r) => [r.bookingId, r.status]));
}

/** The roster: what the facilitator needs at the door and nothing more (no contact details). */
export function roster(tx: Reader, session: { id: number; groupId: number | null }) {
  return tx
    .select({
      id: bookings.id,
      code: bookings.code,
      nickname: bookings.nickname,
      partySize: bookings.partySize,
      interpreterLanguage: bookings.interpreterLanguage,
      accessibilityNeeds: bookings.accessibilityNeeds,
      childcare: bookings.childcare,
    })
    .from(bookings)
    .where(bookingsOf({ sessionId: session.id, groupId: session.groupId }, "confirmed"))
    .orderBy(asc(bookings.id))
    .all();
}

export type DoorState = { tally: Tally; attendance: Record<number, "attended" | "no_show">; closed: boolean };

export function doorState(tx: Reader, sessionId: number): DoorState | null {
  const session = sessionAtDoor(tx, sessionId);
  if (!session) return null;
  return { tally: tally(tx, sessionId), attendance: attendanceAtDoor(tx, sessionId), closed: session.closedAt !== null };
}

export type RosterEntry = ReturnType<typeof roster>[number];

/**
 * Everything the door page shows, in one read and without a single write: the
 * session, the live state, the roster, where the door stands in the day, and
 * the feedback link the closing made (none before closing).
 */
export function doorView(tx: Reader, actor: Actor, sessionId: number, now: Date) {
  const session = tx
    .select({
      id: sessions.id,
      groupId: sessions.groupId,
      kind: sessions.kind,
      title: sessions.title,
      place: places.name,
      startsAt: sessions.startsAt,
      endsAt: sessions.endsAt,
      status: sessions.status,
      closedAt: sessions.closedAt,
      closingNote: sessions.closingNote,
    })
    .from(sessions)
    .innerJoin(places, eq(places.id, sessions.placeId))
    .where(eq(sessions.id, sessionId))
    .get();
  if (!session) return { ok: false, error: "notFound" } as const;
  if (!canRunSession(tx, actor, sessionId)) return { ok: false, error: "forbidden" } as const;
  const link = session.closedAt ? tx.select({ key: feedbackLinks.key }).from(feedbackLinks).where(eq(feedbackLinks.sessionId, sessionId)).get() : undefined;
  const phase: DoorPhase = doorPhase(session, now);
  const planner = isPlanner(actor);
  return {
    ok: true,
    session,
    state: { tally: tally(tx, sessionId), attendance: attendanceAtDoor(tx, sessionId), closed: session.closedAt !== null } satisfies DoorState,
    roster: roster(tx, session),
    ended: session.endsAt.getTime() <= now.getTime(),
    phase,
    opensAt: doorWindow(session).opens,
    /** Whether this actor may count now: on the day, or a planner correcting a past day. */
    canCount: session.status === "scheduled" && (phase === "open" || (phase === "dayOver" && planner)),
    canClose: session.status === "scheduled" && phase !== "notYet",
    canReopen: planner,
    feedbackKey: link?.key ?? null,
  } as const;
}
