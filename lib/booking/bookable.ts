import "server-only";
import { and, asc, eq, or, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { Reader } from "@/db/client";
import { bookings, places, sessionGroups, sessions, type BookingStatus } from "@/db/schema";

/**
 * What a booking is for: one session, or a whole group whose meetings share
 * one capacity. Every rule about seats reads this, so a group and a single
 * info evening follow the same code path.
 */
export type Bookable = {
  target: { sessionId: number; groupId: null } | { sessionId: null; groupId: number };
  placeId: number;
  capacity: number | null;
  maxPartySize: number;
  cancelled: boolean;
  /** Booking closes when the (first) meeting starts. */
  startsAt: Date;
  /** The end of the (last) meeting; manage links expire some time after it. */
  endsAt: Date;
};

/**
 * The largest party one booking may hold: the session's own limit, and never
 * more than all its seats, since a waiting list for a party no session can
 * seat would never be served.
 */
export function largestParty(b: { maxPartySize: number; capacity: number | null }): number {
  return b.capacity === null ? b.maxPartySize : Math.max(1, Math.min(b.maxPartySize, b.capacity));
}

export function findBookable(tx: Reader, sessionId: number): Bookable | null {
  const session = tx
    .select({
      id: sessions.id,
      placeId: sessions.placeId,
      groupId: sessions.groupId,
      capacity: sessions.capacity,
      maxPartySize: sessions.maxPartySize,
      status: sessions.status,
      startsAt: sessions.startsAt,
      endsAt: sessions.endsAt,
    })
    .from(sessions)
    .where(eq(sessions.id, sessionId))
    .get();
  if (!session) return null;
  if (session.groupId === null) {
    return {
      target: { sessionId: session.id, groupId: null },
      placeId: session.placeId,
      capacity: session.capacity,
      maxPartySize: session.maxPartySize,
      cancelled: session.status === "cancelled",
      startsAt: session.startsAt,
      endsAt: session.endsAt,
    };
  }
  return findGroupBookable(tx, session.groupId);
}

/** The phone a parent refused by a booking limit can call instead: the session's meeting place's, when it has one. */
export function placePhoneOfSession(tx: Reader, sessionId: number): string | null {
  if (!Number.isSafeInteger(sessionId)) return null;
  const row = tx
    .select({ phone: places.contactPhone })
    .from(sessions)
    .innerJoin(places, eq(places.id, sessions.placeId))
    .where(eq(sessions.id, sessionId))
    .get();
  return row?.phone?.trim() || null;
}

export function findGroupBookable(tx: Reader, groupId: number): Bookable | null {
  const group = tx.select().from(sessionGroups).where(eq(sessionGroups.id, groupId)).get();
  if (!group) return null;
  const span = tx
    .select({ first: sql<number>`min(${sessions.startsAt})`, last: sql<number>`max(${sessions.endsAt})` })
    .from(sessions)
    .where(and(eq(sessions.groupId, groupId), eq(sessions.status, "scheduled")))
    .get();
  return {
    target: { sessionId: null, groupId },
    placeId: group.placeId,
    capacity: group.capacity,
    maxPartySize: group.maxPartySize,
    cancelled: group.status === "cancelled" || span?.first == null,
    startsAt: new Date(span?.first ?? 0),
    endsAt: new Date(span?.last ?? 0),
  };
}

/** One name for what is booked: a group's meetings share it. */
export function bookableKey(target: Bookable["target"]): string {
  return target.groupId !== null ? `group:${target.groupId}` : `session:${target.sessionId}`;
}

/**
 * The bookings of a meeting, as a condition on `bookings`: those of the
 * session, or of its group. A booking holds a session or a group, never both
 * (bookings_one_target), so a meeting of a group names both and a Bookable's
 * target names one. Takes values, or the columns of an outer query (the
 * session lists, the reach summaries). The one place this is written.
 */
export function bookingsOf(of: { sessionId: number | SQLWrapper | null; groupId: number | SQLWrapper | null }, status?: BookingStatus): SQL {
  const own = of.sessionId === null ? undefined : eq(bookings.sessionId, of.sessionId);
  const group = of.groupId === null ? undefined : eq(bookings.groupId, of.groupId);
  return and(or(own, group), status ? eq(bookings.status, status) : undefined)!;
}

export function seatsTaken(tx: Reader, target: Bookable["target"]): number {
  const row = tx
    .select({ taken: sql<number>`coalesce(sum(${bookings.partySize}), 0)` })
    .from(bookings)
    .where(bookingsOf(target, "confirmed"))
    .get();
  return row?.taken ?? 0;
}

/** Place in the queue, 1 for the first waiting booking. */
export function waitlistPosition(tx: Reader, target: Bookable["target"], bookingId: number): number {
  const row = tx
    .select({ ahead: sql<number>`count(*)` })
    .from(bookings)
    .where(and(bookingsOf(target, "waitlisted"), sql`${bookings.id} < ${bookingId}`))
    .get();
  return (row?.ahead ?? 0) + 1;
}

export function waitingBookings(tx: Reader, target: Bookable["target"]) {
  return tx
    .select({ id: bookings.id, partySize: bookings.partySize, email: bookings.email, phone: bookings.phone })
    .from(bookings)
    .where(bookingsOf(target, "waitlisted"))
    .orderBy(asc(bookings.id))
    .all();
}
