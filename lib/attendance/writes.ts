import "server-only";
import { and, eq, inArray, isNull, notInArray } from "drizzle-orm";
import type { DB } from "@/db/client";
import { attendance, bookings, sessions, visitorCodes, visits, type VisitKind } from "@/db/schema";
import { canRunSession, type Actor } from "@/lib/auth/staff";
import { newVisitorCode, normaliseVisitorCode } from "./codes";
import { bookingsAtDoor, sessionAtDoor } from "./door";
import { inviteFeedback } from "@/lib/feedback/invite";

export type DoorRefusal = "forbidden" | "notFound" | "cancelled" | "closed" | "unknownCode" | "alreadyCounted" | "notBooked" | "tooEarly";
export type DoorResult<T = object> = ({ ok: true } & T) | { ok: false; error: DoorRefusal };

type Tx = Parameters<Parameters<DB["transaction"]>[0]>[0];

/**
 * Every change at the door runs here: the actor must run this session (read
 * from the database), and the session must be open. One IMMEDIATE transaction,
 * so two facilitators at the same door never interleave.
 */
function atOpenDoor<T extends object>(db: DB, actor: Actor | null, sessionId: number, change: (tx: Tx, actor: Actor) => DoorResult<T>): DoorResult<T> {
  return db.transaction(
    (tx) => {
      if (!canRunSession(tx, actor, sessionId)) return { ok: false, error: "forbidden" } as const;
      const session = sessionAtDoor(tx, sessionId);
      if (!session) return { ok: false, error: "notFound" } as const;
      if (session.status === "cancelled") return { ok: false, error: "cancelled" } as const;
      if (session.closedAt) return { ok: false, error: "closed" } as const;
      return change(tx, actor);
    },
    { behavior: "immediate" },
  );
}

/** A new visitor code, stored, and never one already given out. */
export function createVisitorCode(tx: Pick<DB, "select" | "insert">): string {
  let code = newVisitorCode();
  while (tx.select({ code: visitorCodes.code }).from(visitorCodes).where(eq(visitorCodes.code, code)).get()) code = newVisitorCode();
  tx.insert(visitorCodes).values({ code }).run();
  return code;
}

export type Tap = { sessionId: number; clientKey: string; kind: VisitKind; firstTime: boolean | null };

/** One tap for a walk-in. The device's key makes a retried tap count once. */
export function recordWalkIn(db: DB, actor: Actor | null, tap: Tap): DoorResult {
  return atOpenDoor(db, actor, tap.sessionId, (tx, a) => {
    tx.insert(visits)
      .values({
        sessionId: tap.sessionId,
        kind: tap.kind,
        source: "walk_in",
        firstTime: tap.kind === "parent" ? tap.firstTime : null,
        clientKey: tap.clientKey,
        recordedBy: a.id,
      })
      .onConflictDoNothing({ target: visits.clientKey })
      .run();
    return { ok: true };
  });
}

/** Takes back a walk-in or visitor-code tap (never a booking's check-in, which has its own undo). */
export function undoTap(db: DB, actor: Actor | null, sessionId: number, clientKey: string): DoorResult {
  return atOpenDoor(db, actor, sessionId, (tx) => {
    tx.delete(visits)
      .where(and(eq(visits.sessionId, sessionId), eq(visits.clientKey, clientKey), inArray(visits.source, ["walk_in", "code"])))
      .run();
    return { ok: true };
  });
}

/** A first-time parent takes a visitor code to keep; their visit counts under it. */
export function issueVisitorCode(db: DB, actor: Actor | null, sessionId: number, clientKey: string): DoorResult<{ code: string }> {
  return atOpenDoor<{ code: string }>(db, actor, sessionId, (tx, a) => {
    // A retried tap returns the code it already made.
    const earlier = tx.select({ code: visits.visitorCode }).from(visits).where(eq(visits.clientKey, clientKey)).get();
    if (earlier?.code) return { ok: true, code: earlier.code };
    const code = createVisitorCode(tx);
    tx.insert(visits)
      .values({ sessionId, kind: "parent", source: "code", firstTime: true, visitorCode: code, clientKey, recordedBy: a.id })
      .run();
    return { ok: true, code };
  });
}

/** A parent shows the code they were given before: a returning visit, counted once per session. */
export function recordReturningCode(db: DB, actor: Actor | null, sessionId: number, typed: string, clientKey: string): DoorResult<{ code: string }> {
  return atOpenDoor<{ code: string }>(db, actor, sessionId, (tx, a) => {
    const code = normaliseVisitorCode(typed);
    if (!code || !tx.select({ code: visitorCodes.code }).from(visitorCodes).where(eq(visitorCodes.code, code)).get()) {
      return { ok: false, error: "unknownCode" };
    }
    const here = tx
      .select({ clientKey: visits.clientKey })
      .from(visits)
      .where(and(eq(visits.sessionId, sessionId), eq(visits.visitorCode, code)))
      .get();
    if (here) return here.clientKey === clientKey ? { ok: true, code } : { ok: false, error: "alreadyCounted" };
    tx.insert(visits)
      .values({ sessionId, kind: "parent", source: "code", firstTime: false, visitorCode: code, clientKey, recordedBy: a.id })
      .run();
    return { ok: true, code };
  });
}

function bookingHere(tx: Tx, sessionId: number, bookingId: number) {
  const session = sessionAtDoor(tx, sessionId)!;
  return tx
    .select({ id: bookings.id, partySize: bookings.partySize, visitorCode: bookings.visitorCode })
    .from(bookings)
    .where(and(eq(bookings.id, bookingId), bookingsAtDoor(tx, session)))
    .get();
}

/** Marks a booking attended: one visit for each seat of the party, under the parent's code if they have one. */
export function checkIn(db: DB, actor: Actor | null, sessionId: number, bookingId: number): DoorResult {
  return atOpenDoor<object>(db, actor, sessionId, (tx, a) => {
    const booking = bookingHere(tx, sessionId, bookingId);
    if (!booking) return { ok: false, error: "notBooked" };
    const existing = tx
      .select({ status: attendance.status })
      .from(attendance)
      .where(and(eq(attendance.bookingId, bookingId), eq(attendance.sessionId, sessionId)))
      .get();
    if (existing?.status === "attended") return { ok: true };
    if (existing) tx.delete(attendance).where(and(eq(attendance.bookingId, bookingId), eq(attendance.sessionId, sessionId))).run();
    tx.insert(attendance).values({ bookingId, sessionId, status: "attended", recordedBy: a.id }).run();
    for (let seat = 0; seat < booking.partySize; seat++) {
      tx.insert(visits)
        .values({
          sessionId,
          kind: "parent",
          source: "booking",
          // The parent who booked brings their code; the others of the party are counted without one.
          visitorCode: seat === 0 ? booking.visitorCode : null,
          bookingId,
          clientKey: `booking:${bookingId}:${sessionId}:${seat}`,
          recordedBy: a.id,
        })
        .run();
    }
    return { ok: true };
  });
}

export function undoCheckIn(db: DB, actor: Actor | null, sessionId: number, bookingId: number): DoorResult {
  return atOpenDoor(db, actor, sessionId, (tx) => {
    tx.delete(attendance).where(and(eq(attendance.bookingId, bookingId), eq(attendance.sessionId, sessionId))).run();
    tx.delete(visits).where(and(eq(visits.bookingId, bookingId), eq(visits.sessionId, sessionId))).run();
    return { ok: true };
  });
}

/** At or after the end, the bookings nobody checked in are marked no-show. */
export function markNoShows(db: DB, actor: Actor | null, sessionId: number, now = new Date()): DoorResult<{ marked: number }> {
  return atOpenDoor<{ marked: number }>(db, actor, sessionId, (tx, a) => {
    const session = sessionAtDoor(tx, sessionId)!;
    if (now.getTime() < session.endsAt.getTime()) return { ok: false, error: "tooEarly" };
    const marked = tx
      .select({ bookingId: attendance.bookingId })
      .from(attendance)
      .where(eq(attendance.sessionId, sessionId))
      .all()
      .map((r) => r.bookingId);
    const unmarked = tx
      .select({ id: bookings.id })
      .from(bookings)
      .where(and(bookingsAtDoor(tx, session), marked.length ? notInArray(bookings.id, marked) : undefined))
      .all();
    for (const b of unmarked) tx.insert(attendance).values({ bookingId: b.id, sessionId, status: "no_show", recordedBy: a.id }).run();
    return { ok: true, marked: unmarked.length };
  });
}

/**
 * Closes the session with an optional note (the form warns it must not
 * identify anyone), opens its feedback link and invites the bookers to answer.
 */
export function closeSession(db: DB, actor: Actor | null, sessionId: number, note: string | null, now = new Date()): DoorResult<{ feedbackKey: string }> {
  return atOpenDoor<{ feedbackKey: string }>(db, actor, sessionId, (tx, a) => {
    tx.update(sessions)
      .set({ closedAt: now, closedBy: a.id, closingNote: note })
      .where(and(eq(sessions.id, sessionId), isNull(sessions.closedAt)))
      .run();
    return { ok: true, feedbackKey: inviteFeedback(tx, sessionId, now) };
  });
}
