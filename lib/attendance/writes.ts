import "server-only";
import { and, eq, inArray, isNull, notInArray, sql } from "drizzle-orm";
import type { DB, Tx } from "@/db/client";

/** The database, or the transaction a caller already holds: the door's queue lands a request's changes in one. */
export type DoorDb = DB | Tx;
import { attendance, bookings, feedbackLinks, places, sessionGroups, sessions, visitorCodes, visits, type ReferralChannel, type VisitKind } from "@/db/schema";
import { canRunSession, isPlanner, plannerIn, type Actor } from "@/lib/auth/staff";
import { bookingsOf } from "@/lib/booking/bookable";
import { audit } from "@/lib/privacy/audit";
import { helsinkiParts } from "@/lib/i18n/time";
import { createVisitorCode, normaliseVisitorCode } from "@/lib/visitors/codes";
import { sessionAtDoor } from "./door";
import { doorPhase } from "./window";
import { inviteFeedback } from "@/lib/feedback/invite";

export type DoorRefusal =
  | "forbidden"
  | "invalid"
  | "notFound"
  | "cancelled"
  | "closed"
  | "notClosed"
  | "notYet"
  | "dayOver"
  | "unknownCode"
  | "alreadyCounted"
  | "notBooked"
  | "tooEarly"
  | "roomFull";
export type DoorResult<T = object> = ({ ok: true } & T) | { ok: false; error: DoorRefusal };

type Session = NonNullable<ReturnType<typeof sessionAtDoor>>;

/**
 * A key a device made for a tap. Keys with ":" are the server's own (a
 * booking's seats), so a device can never name, overwrite or undo one.
 */
export const isClientKey = (key: string) => /^[A-Za-z0-9_-]{1,80}$/.test(key);

/**
 * What one change at the door counts, as the audit log names it when the
 * change lands after the session's day: walk-ins of each kind, check-ins,
 * undos (of a tap or a check-in), visitor codes, no-shows, "how did you hear".
 */
export type DoorChangeKind = "parents" | "professionals" | "others" | "checkIns" | "undos" | "codes" | "noShows" | "heardFrom";
export const walkInKind = { parent: "parents", professional: "professionals", other: "others" } as const satisfies Record<VisitKind, DoorChangeKind>;

/**
 * An audit row's account of door changes: the session's own Helsinki day,
 * how many changes, and how many of each kind (only the kinds there were).
 */
export function doorChangesDetail(session: { startsAt: Date }, counts: Partial<Record<DoorChangeKind, number>>): Record<string, string | number> {
  const kinds = Object.entries(counts).filter(([, n]) => n && n > 0) as [DoorChangeKind, number][];
  return { day: helsinkiParts(session.startsAt).date, changes: kinds.reduce((s, [, n]) => s + n, 0), ...Object.fromEntries(kinds) };
}

/**
 * What a change at the door is: counting people (taps, check-ins, no-shows),
 * which belongs to the session's own day, or closing it, which a facilitator
 * may still do on a later day (an unclosed session waits on their list).
 */
type DoorAct = DoorChangeKind | "close";

/** The changes that can add an anonymous visit: the room holds them back. */
const mayAddWalkIn = (act: DoorAct) => act === "parents" || act === "professionals" || act === "others" || act === "codes";

/**
 * Walk-ins are every visit not from a booking: taps of each kind (parents,
 * professionals, others) and visitor codes. Bookings are held back by the
 * seats already; nothing else held back a made-up tap.
 */
function walkIns(tx: Tx, sessionId: number): number {
  return tx
    .select({ n: sql<number>`count(*)` })
    .from(visits)
    .where(and(eq(visits.sessionId, sessionId), inArray(visits.source, ["walk_in", "code"])))
    .get()!.n;
}

/**
 * The most walk-ins one session can have: the room's size plus the session's
 * seats (a group meeting's are the group's; a drop-in without booking has
 * none), so a 30-person room's drop-in counts at most 30.
 */
function roomFor(tx: Tx, sessionId: number): number {
  return tx
    .select({ n: sql<number>`${places.roomSize} + coalesce(${sessions.capacity}, ${sessionGroups.capacity}, 0)` })
    .from(sessions)
    .innerJoin(places, eq(places.id, sessions.placeId))
    .leftJoin(sessionGroups, eq(sessionGroups.id, sessions.groupId))
    .where(eq(sessions.id, sessionId))
    .get()!.n;
}

/** Thrown inside the door's transaction to take back a change that went too far, then answered as a refusal. */
class Refused extends Error {
  constructor(readonly refusal: DoorRefusal) {
    super(refusal);
  }
}

/**
 * Every change at the door runs here: the actor must run this session (read
 * from the database), the session must be open and it must be its day, and a
 * change may not take the walk-ins past the room (roomFor): one that would is
 * taken back whole. A planner may correct a past day's figures afterwards,
 * past the room too (a room size set too small must not hide who came), and
 * each correction that lands is audited with what it changed. One IMMEDIATE
 * transaction, so two facilitators at the same door never interleave.
 */
function atDoor<T extends object>(
  db: DoorDb,
  actor: Actor | null,
  sessionId: number,
  act: DoorAct,
  now: Date,
  change: (tx: Tx, actor: Actor, session: Session) => DoorResult<T>,
): DoorResult<T> {
  try {
    return db.transaction(
      (tx) => {
        if (!canRunSession(tx, actor, sessionId)) return { ok: false, error: "forbidden" } as const;
        const session = sessionAtDoor(tx, sessionId);
        if (!session) return { ok: false, error: "notFound" } as const;
        if (session.status === "cancelled") return { ok: false, error: "cancelled" } as const;
        if (session.closedAt) return { ok: false, error: "closed" } as const;
        const phase = doorPhase(session, now);
        if (phase === "notYet") return { ok: false, error: "notYet" } as const;
        const correcting = phase === "dayOver" && act !== "close";
        if (correcting && !isPlanner(actor)) return { ok: false, error: "dayOver" } as const;
        const before = mayAddWalkIn(act) && !correcting ? walkIns(tx, sessionId) : null;
        const result = change(tx, actor, session);
        if (!result.ok) return result;
        if (before !== null) {
          const after = walkIns(tx, sessionId);
          // A room already over (its size lowered since) still takes a retried tap or a tap turned into a code.
          if (after > before && after > roomFor(tx, sessionId)) throw new Refused("roomFull");
        }
        if (correcting) audit(tx, actor, "door.correct", "session", sessionId, doorChangesDetail(session, { [act]: 1 }));
        return result;
      },
      { behavior: "immediate" },
    );
  } catch (e) {
    if (e instanceof Refused) return { ok: false, error: e.refusal };
    throw e;
  }
}

export type Tap = { sessionId: number; clientKey: string; kind: VisitKind; firstTime: boolean | null };

/** One tap for a walk-in. The device's key makes a retried tap count once. */
export function recordWalkIn(db: DoorDb, actor: Actor | null, tap: Tap, now = new Date()): DoorResult {
  if (!isClientKey(tap.clientKey)) return { ok: false, error: "invalid" };
  return atDoor(db, actor, tap.sessionId, walkInKind[tap.kind], now, (tx, a) => {
    tx.insert(visits)
      .values({
        sessionId: tap.sessionId,
        kind: tap.kind,
        source: "walk_in",
        firstTime: tap.kind === "parent" ? tap.firstTime : null,
        clientKey: tap.clientKey,
        recordedBy: a.id,
      })
      .onConflictDoNothing({ target: [visits.sessionId, visits.clientKey] })
      .run();
    return { ok: true };
  });
}

/**
 * The door's one tap next to a first-time walk-in: how they heard of
 * Kohtaamo. Only a first-time parent's visit takes it (a tap, or the coded
 * visit it became); tapping again changes it, null clears it.
 */
export function recordHeardFrom(db: DoorDb, actor: Actor | null, sessionId: number, clientKey: string, channel: ReferralChannel | null, now = new Date()): DoorResult {
  if (!isClientKey(clientKey)) return { ok: false, error: "invalid" };
  return atDoor(db, actor, sessionId, "heardFrom", now, (tx) => {
    const changed = tx
      .update(visits)
      .set({ heardFrom: channel })
      .where(and(eq(visits.sessionId, sessionId), eq(visits.clientKey, clientKey), eq(visits.kind, "parent"), eq(visits.firstTime, true), inArray(visits.source, ["walk_in", "code"])))
      .run();
    return changed.changes > 0 ? { ok: true } : { ok: false, error: "invalid" };
  });
}

/** Takes back a walk-in or visitor-code tap (never a booking's check-in, which has its own undo). */
export function undoTap(db: DoorDb, actor: Actor | null, sessionId: number, clientKey: string, now = new Date()): DoorResult {
  if (!isClientKey(clientKey)) return { ok: false, error: "invalid" };
  return atDoor(db, actor, sessionId, "undos", now, (tx) => {
    tx.delete(visits)
      .where(and(eq(visits.sessionId, sessionId), eq(visits.clientKey, clientKey), inArray(visits.source, ["walk_in", "code"])))
      .run();
    return { ok: true };
  });
}

/**
 * The walk-in tap this device just made for the same parent, when the code
 * desk is used right after it: that tap becomes the coded visit, so one
 * person is one visit. Only this session's own anonymous parent taps qualify.
 */
function tapToConvert(tx: Tx, sessionId: number, fromTap: string | null | undefined, firstTime: boolean) {
  if (!fromTap || !isClientKey(fromTap)) return null;
  return (
    tx
      .select({ id: visits.id })
      .from(visits)
      .where(
        and(
          eq(visits.sessionId, sessionId),
          eq(visits.clientKey, fromTap),
          eq(visits.source, "walk_in"),
          eq(visits.kind, "parent"),
          eq(visits.firstTime, firstTime),
        ),
      )
      .get() ?? null
  );
}

/** Writes a coded visit: in place of the tap it replaces, or as a new one. */
function codedVisit(tx: Tx, a: Actor, sessionId: number, clientKey: string, code: string, firstTime: boolean, replaces: { id: number } | null) {
  if (replaces) {
    // The tap takes the code desk's key, so the device's undo of that tap and a retried request both find it.
    tx.update(visits).set({ source: "code", visitorCode: code, clientKey, recordedBy: a.id }).where(eq(visits.id, replaces.id)).run();
  } else {
    tx.insert(visits).values({ sessionId, kind: "parent", source: "code", firstTime, visitorCode: code, clientKey, recordedBy: a.id }).run();
  }
}

export type CodeAnswer = { code: string; replacedTap: boolean };

/**
 * A first-time parent takes a visitor code to keep; their visit counts under
 * it. When `fromTap` names the "parent, first time" tap just made for them,
 * that tap becomes this visit instead of a second one.
 */
export function issueVisitorCode(
  db: DoorDb,
  actor: Actor | null,
  sessionId: number,
  clientKey: string,
  fromTap: string | null = null,
  now = new Date(),
): DoorResult<CodeAnswer> {
  if (!isClientKey(clientKey)) return { ok: false, error: "invalid" };
  return atDoor<CodeAnswer>(db, actor, sessionId, "codes", now, (tx, a) => {
    // A retried request returns the code it already made; only this session's visits are looked at.
    const earlier = tx
      .select({ code: visits.visitorCode })
      .from(visits)
      .where(and(eq(visits.sessionId, sessionId), eq(visits.clientKey, clientKey), eq(visits.source, "code")))
      .get();
    if (earlier?.code) return { ok: true, code: earlier.code, replacedTap: false };
    const code = createVisitorCode(tx);
    const replaces = tapToConvert(tx, sessionId, fromTap, true);
    codedVisit(tx, a, sessionId, clientKey, code, true, replaces);
    return { ok: true, code, replacedTap: replaces !== null };
  });
}

/**
 * A parent shows the code they were given before: a returning visit, counted
 * once per session. `fromTap` works as for a new code, with a "been before" tap.
 */
export function recordReturningCode(
  db: DoorDb,
  actor: Actor | null,
  sessionId: number,
  typed: string,
  clientKey: string,
  fromTap: string | null = null,
  now = new Date(),
): DoorResult<CodeAnswer> {
  if (!isClientKey(clientKey)) return { ok: false, error: "invalid" };
  return atDoor<CodeAnswer>(db, actor, sessionId, "codes", now, (tx, a) => {
    const code = normaliseVisitorCode(typed);
    if (!code || !tx.select({ code: visitorCodes.code }).from(visitorCodes).where(eq(visitorCodes.code, code)).get()) {
      return { ok: false, error: "unknownCode" };
    }
    const here = tx
      .select({ clientKey: visits.clientKey })
      .from(visits)
      .where(and(eq(visits.sessionId, sessionId), eq(visits.visitorCode, code)))
      .get();
    if (here) return here.clientKey === clientKey ? { ok: true, code, replacedTap: false } : { ok: false, error: "alreadyCounted" };
    const replaces = tapToConvert(tx, sessionId, fromTap, false);
    codedVisit(tx, a, sessionId, clientKey, code, false, replaces);
    return { ok: true, code, replacedTap: replaces !== null };
  });
}

function bookingHere(tx: Tx, session: Session, bookingId: number) {
  return tx
    .select({ id: bookings.id, partySize: bookings.partySize, visitorCode: bookings.visitorCode, heardFrom: bookings.heardFrom })
    .from(bookings)
    .where(and(eq(bookings.id, bookingId), bookingsOf({ sessionId: session.id, groupId: session.groupId }, "confirmed")))
    .get();
}

/** Marks a booking attended: one visit for each seat of the party, under the parent's code if they have one. */
export function checkIn(db: DoorDb, actor: Actor | null, sessionId: number, bookingId: number, now = new Date()): DoorResult {
  return atDoor<object>(db, actor, sessionId, "checkIns", now, (tx, a, session) => {
    const booking = bookingHere(tx, session, bookingId);
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
          // How the party heard of Kohtaamo, when the booker said: counted for whoever is a new parent.
          heardFrom: booking.heardFrom,
          // Formed here, never by a device (see isClientKey); the reach summaries read the seat from it.
          clientKey: `booking:${bookingId}:${sessionId}:${seat}`,
          recordedBy: a.id,
        })
        .run();
    }
    return { ok: true };
  });
}

export function undoCheckIn(db: DoorDb, actor: Actor | null, sessionId: number, bookingId: number, now = new Date()): DoorResult {
  return atDoor(db, actor, sessionId, "undos", now, (tx) => {
    tx.delete(attendance).where(and(eq(attendance.bookingId, bookingId), eq(attendance.sessionId, sessionId))).run();
    tx.delete(visits).where(and(eq(visits.bookingId, bookingId), eq(visits.sessionId, sessionId))).run();
    return { ok: true };
  });
}

/** At or after the end, the bookings nobody checked in are marked no-show. */
export function markNoShows(db: DoorDb, actor: Actor | null, sessionId: number, now = new Date()): DoorResult<{ marked: number }> {
  return atDoor<{ marked: number }>(db, actor, sessionId, "noShows", now, (tx, a, session) => {
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
      .where(and(bookingsOf({ sessionId: session.id, groupId: session.groupId }, "confirmed"), marked.length ? notInArray(bookings.id, marked) : undefined))
      .all();
    for (const b of unmarked) tx.insert(attendance).values({ bookingId: b.id, sessionId, status: "no_show", recordedBy: a.id }).run();
    return { ok: true, marked: unmarked.length };
  });
}

/**
 * Closes the session with an optional note (the form warns it must not
 * identify anyone), opens its feedback link and invites the bookers to answer.
 * The link is made here and only here: the door page only reads it.
 */
export function closeSession(db: DB, actor: Actor | null, sessionId: number, note: string | null, now = new Date()): DoorResult<{ feedbackKey: string }> {
  return atDoor<{ feedbackKey: string }>(db, actor, sessionId, "close", now, (tx, a) => {
    tx.update(sessions)
      .set({ closedAt: now, closedBy: a.id, closingNote: note })
      .where(and(eq(sessions.id, sessionId), isNull(sessions.closedAt)))
      .run();
    // Closed before and reopened by a planner: the link stands and everyone was invited already.
    const earlier = tx.select({ key: feedbackLinks.key }).from(feedbackLinks).where(eq(feedbackLinks.sessionId, sessionId)).get();
    return { ok: true, feedbackKey: earlier?.key ?? inviteFeedback(tx, sessionId, now) };
  });
}

/**
 * A planner opens a closed session again, to correct what was counted. The
 * reopening is audited; closing again keeps the same feedback link and does
 * not invite anyone twice.
 */
export function reopenSession(db: DB, actor: Actor | null, sessionId: number): DoorResult {
  return db.transaction(
    (tx) => {
      const fresh = plannerIn(tx, actor);
      if (!fresh) return { ok: false, error: "forbidden" } as const;
      const session = sessionAtDoor(tx, sessionId);
      if (!session) return { ok: false, error: "notFound" } as const;
      if (!session.closedAt) return { ok: false, error: "notClosed" } as const;
      tx.update(sessions).set({ closedAt: null, closedBy: null }).where(eq(sessions.id, sessionId)).run();
      audit(tx, fresh, "session.reopen", "session", sessionId);
      return { ok: true } as const;
    },
    { behavior: "immediate" },
  );
}
