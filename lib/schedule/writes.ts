import "server-only";
import { and, asc, eq, gt, inArray, isNull, lt, ne, or } from "drizzle-orm";
import type { DB, Reader, Tx } from "@/db/client";
import { places, series, sessionFacilitators, sessionGroups, sessions, users, type Localized, type SessionKind } from "@/db/schema";
import { plannerIn, type Actor } from "@/lib/auth/staff";
import { seatsTaken } from "@/lib/booking/bookable";
import { seatsChanged } from "@/lib/booking/writes";
import { groupFirstStart, rescheduleReminders } from "@/lib/booking/reminders";
import { bookersOf, dropBookersMail, tellBookers } from "./notify";
import { helsinkiInstant } from "@/lib/i18n/time";
import { weeklyOccurrences, type Occurrence } from "./recurrence";
import type { EditInput, FacilitatorsInput, GroupEditInput, GroupInput, OnceInput, SeriesCancelInput, SeriesInput } from "./schemas";

/** An existing session a new one would overlap. */
export type Clash = { startsAt: Date; endsAt: Date; title: Localized };

export type ScheduleError =
  | "forbidden"
  | "unknownPlace"
  | "placeArchived"
  | "unknownSession"
  | "unknownStaff"
  | "sessionCancelled"
  | "sessionStarted"
  | "kindRequired"
  | "pastDate"
  | "noOccurrences"
  | "clash"
  | "unknownGroup"
  | "capacityBelowBooked"
  | "notASeries"
  | "nothingToCancel";

export type ScheduleRefusal = { ok: false; error: ScheduleError; field?: string; clashes?: Clash[]; booked?: number };

const refuse = (error: ScheduleError, extra: Omit<ScheduleRefusal, "ok" | "error"> = {}): ScheduleRefusal => ({
  ok: false,
  error,
  ...extra,
});

type Span = { startsAt: Date; endsAt: Date };

/** Scheduled sessions at the place that overlap any of the spans (touching end to start is fine). */
export function findClashes(tx: Reader, placeId: number, spans: Span[], exceptSessionId?: number): Clash[] {
  if (spans.length === 0) return [];
  const overlaps = or(...spans.map((s) => and(lt(sessions.startsAt, s.endsAt), gt(sessions.endsAt, s.startsAt))));
  return tx
    .select({ startsAt: sessions.startsAt, endsAt: sessions.endsAt, title: sessions.title })
    .from(sessions)
    .where(
      and(
        eq(sessions.placeId, placeId),
        eq(sessions.status, "scheduled"),
        exceptSessionId === undefined ? undefined : ne(sessions.id, exceptSessionId),
        overlaps,
      ),
    )
    .orderBy(asc(sessions.startsAt))
    .all();
}

function openPlace(tx: Tx, placeId: number): ScheduleRefusal | null {
  const place = tx.select({ archivedAt: places.archivedAt }).from(places).where(eq(places.id, placeId)).get();
  if (!place) return refuse("unknownPlace", { field: "placeId" });
  if (place.archivedAt) return refuse("placeArchived", { field: "placeId" });
  return null;
}

/** Only active staff can be assigned; an id sent by a stale or forged form is refused. */
function checkStaff(tx: Tx, ids: string[]): boolean {
  if (ids.length === 0) return true;
  const found = tx
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, ids), isNull(users.deactivatedAt)))
    .all();
  return found.length === ids.length;
}

function assign(tx: Tx, sessionIds: number[], userIds: string[]) {
  for (const sessionId of sessionIds) {
    for (const userId of userIds) tx.insert(sessionFacilitators).values({ sessionId, userId }).onConflictDoNothing().run();
  }
}

type Common = OnceInput | SeriesInput | GroupInput;

function sessionValues(input: Common, kind: SessionKind) {
  return {
    placeId: input.placeId,
    kind,
    title: input.title,
    description: input.description,
    languages: input.languages,
    audience: input.audience,
    forProfessionals: input.forProfessionals,
    capacity: kind === "group" ? null : input.capacity,
    maxPartySize: input.maxPartySize,
  };
}

export type CreateResult = { ok: true; sessionIds: number[]; seriesId?: number; groupId?: number } | ScheduleRefusal;

/** One meeting on one date. */
export function createSession(db: DB, actor: Actor | null, input: OnceInput, now = new Date()): CreateResult {
  return db.transaction(
    (tx) => {
      if (!plannerIn(tx, actor)) return refuse("forbidden");
      if (input.kind === "group") return refuse("kindRequired", { field: "kind" });
      const placeError = openPlace(tx, input.placeId);
      if (placeError) return placeError;
      if (!checkStaff(tx, input.facilitatorIds)) return refuse("unknownStaff");
      const span = { startsAt: helsinkiInstant(input.date, input.startTime), endsAt: helsinkiInstant(input.date, input.endTime) };
      if (span.startsAt.getTime() <= now.getTime()) return refuse("pastDate", { field: "date" });
      const clashes = findClashes(tx, input.placeId, [span]);
      if (clashes.length > 0) return refuse("clash", { clashes });

      const row = tx
        .insert(sessions)
        .values({ ...sessionValues(input, input.kind), ...span })
        .returning({ id: sessions.id })
        .get();
      assign(tx, [row.id], input.facilitatorIds);
      return { ok: true, sessionIds: [row.id] } as const;
    },
    { behavior: "immediate" },
  );
}

/** The meetings of a weekly rule, or why none can be made: in the past, none at all, or overlapping. */
function planWeekly(tx: Tx, input: SeriesInput | GroupInput, now: Date): Occurrence[] | ScheduleRefusal {
  const occurrences = weeklyOccurrences(input);
  if (occurrences.length === 0) return refuse("noOccurrences", { field: "toDate" });
  if (occurrences[0]!.startsAt.getTime() <= now.getTime()) return refuse("pastDate", { field: "fromDate" });
  const clashes = findClashes(tx, input.placeId, occurrences);
  if (clashes.length > 0) return refuse("clash", { clashes });
  return occurrences;
}

/** A group meeting's title: the group's own words with its number, "Vertaisryhmä 2/6". */
const numberedTitle = (title: Localized, i: number, n: number): Localized => ({
  fi: `${title.fi} ${i + 1}/${n}`,
  sv: `${title.sv} ${i + 1}/${n}`,
  en: `${title.en} ${i + 1}/${n}`,
});

/** Writes the weekly rule and its meetings as ordinary sessions. */
function writeWeekly(
  tx: Tx,
  actor: Actor,
  input: SeriesInput | GroupInput,
  occurrences: Occurrence[],
  kind: SessionKind,
  groupId: number | null,
): CreateResult {
  const rule = tx
    .insert(series)
    .values({
      placeId: input.placeId,
      weekday: input.weekday,
      startTime: input.startTime,
      endTime: input.endTime,
      fromDate: input.fromDate,
      toDate: input.toDate,
      skipDates: input.skipDates,
      createdBy: actor.id,
    })
    .returning({ id: series.id })
    .get();
  const n = occurrences.length;
  const sessionIds = occurrences.map((o, i) => {
    // A group's meetings are told apart by their number; the words stay the planner's own.
    const title =
      groupId === null
        ? input.title
        : numberedTitle(input.title, i, n);
    return tx
      .insert(sessions)
      .values({ ...sessionValues(input, kind), title, seriesId: rule.id, groupId, startsAt: o.startsAt, endsAt: o.endsAt })
      .returning({ id: sessions.id })
      .get().id;
  });
  assign(tx, sessionIds, input.facilitatorIds);
  return { ok: true, sessionIds, seriesId: rule.id, groupId: groupId ?? undefined };
}

export function createSeries(db: DB, actor: Actor | null, input: SeriesInput, now = new Date()): CreateResult {
  return db.transaction(
    (tx) => {
      const planner = plannerIn(tx, actor);
      if (!planner) return refuse("forbidden");
      if (input.kind === "group") return refuse("kindRequired", { field: "kind" });
      const placeError = openPlace(tx, input.placeId);
      if (placeError) return placeError;
      if (!checkStaff(tx, input.facilitatorIds)) return refuse("unknownStaff");
      const occurrences = planWeekly(tx, input, now);
      if (!Array.isArray(occurrences)) return occurrences;
      return writeWeekly(tx, planner, input, occurrences, input.kind, null);
    },
    { behavior: "immediate" },
  );
}

/** A group: weekly meetings that share one capacity and are booked as one. */
export function createGroup(db: DB, actor: Actor | null, input: GroupInput, now = new Date()): CreateResult {
  return db.transaction(
    (tx) => {
      const planner = plannerIn(tx, actor);
      if (!planner) return refuse("forbidden");
      const placeError = openPlace(tx, input.placeId);
      if (placeError) return placeError;
      if (!checkStaff(tx, input.facilitatorIds)) return refuse("unknownStaff");
      const occurrences = planWeekly(tx, input, now);
      if (!Array.isArray(occurrences)) return occurrences;
      const group = tx
        .insert(sessionGroups)
        .values({
          placeId: input.placeId,
          title: input.title,
          description: input.description,
          capacity: input.capacity,
          maxPartySize: input.maxPartySize,
        })
        .returning({ id: sessionGroups.id })
        .get();
      return writeWeekly(tx, planner, input, occurrences, "group", group.id);
    },
    { behavior: "immediate" },
  );
}

function sessionForChange(tx: Tx, sessionId: number, now: Date) {
  const session = tx
    .select({ id: sessions.id, groupId: sessions.groupId, status: sessions.status, startsAt: sessions.startsAt, endsAt: sessions.endsAt })
    .from(sessions)
    .where(eq(sessions.id, sessionId))
    .get();
  if (!session) return refuse("unknownSession");
  if (session.status === "cancelled") return refuse("sessionCancelled");
  // What happened is recorded at the door; the planner does not rewrite it afterwards.
  if (session.startsAt.getTime() <= now.getTime()) return refuse("sessionStarted");
  return session;
}

export type UpdateResult = { ok: true; moved: boolean; told: number; promoted: number } | ScheduleRefusal;

/**
 * Changes one session. A new time is told to its bookers (the group's, for a
 * group meeting) and their reminders move with it, in the same transaction.
 */
export function updateSession(db: DB, actor: Actor | null, input: EditInput, now = new Date()): UpdateResult {
  return db.transaction(
    (tx) => {
      if (!plannerIn(tx, actor)) return refuse("forbidden");
      const session = sessionForChange(tx, input.sessionId, now);
      if ("ok" in session) return session;
      const inGroup = session.groupId !== null;
      if (!inGroup && input.kind === "group") return refuse("kindRequired", { field: "kind" });
      const placeError = openPlace(tx, input.placeId);
      if (placeError) return placeError;
      const span = { startsAt: helsinkiInstant(input.date, input.startTime), endsAt: helsinkiInstant(input.date, input.endTime) };
      if (span.startsAt.getTime() <= now.getTime()) return refuse("pastDate", { field: "date" });
      const clashes = findClashes(tx, input.placeId, [span], session.id);
      if (clashes.length > 0) return refuse("clash", { clashes });

      // Fewer seats than are booked would overbook the session: refused, naming how many are (a group's seats are the group's).
      if (!inGroup && input.capacity !== null) {
        const booked = seatsTaken(tx, { sessionId: session.id, groupId: null });
        if (input.capacity < booked) return refuse("capacityBelowBooked", { field: "capacity", booked });
      }

      const moved = span.startsAt.getTime() !== session.startsAt.getTime() || span.endsAt.getTime() !== session.endsAt.getTime();
      tx.update(sessions)
        .set({
          ...(moved ? { movedAt: now } : {}),
          placeId: input.placeId,
          title: input.title,
          description: input.description,
          languages: input.languages,
          audience: input.audience,
          forProfessionals: input.forProfessionals,
          ...span,
          // A group meeting keeps its kind and takes its seats from the group.
          ...(inGroup ? {} : { kind: input.kind, capacity: input.capacity, maxPartySize: input.maxPartySize }),
        })
        .where(eq(sessions.id, session.id))
        .run();

      let told = 0;
      if (moved) {
        const bookers = bookersOf(tx, session);
        told = tellBookers(tx, "session_moved", bookers, now);
        rescheduleReminders(tx, bookers, inGroup ? groupFirstStart(tx, session.groupId!) : span.startsAt, now);
      }
      // More seats (or a party limit that now fits): the waiting list moves up at once, and is told.
      const promoted = seatsChanged(tx, session.id, now).length;
      return { ok: true, moved, told, promoted } as const;
    },
    { behavior: "immediate" },
  );
}

export type CancelResult = { ok: true; told: number } | ScheduleRefusal;

/**
 * Cancels one meeting in the caller's transaction and tells its bookers;
 * returns how many were told. A group goes on: its reminders follow its first
 * meeting still on, or go when none is left.
 */
function cancelMeeting(tx: Tx, session: { id: number; groupId: number | null }, now: Date): number {
  tx.update(sessions).set({ status: "cancelled" }).where(eq(sessions.id, session.id)).run();
  const bookers = bookersOf(tx, session);
  if (session.groupId === null) dropBookersMail(tx, bookers, now);
  else rescheduleReminders(tx, bookers, groupFirstStart(tx, session.groupId), now);
  return tellBookers(tx, "session_cancelled", bookers, now);
}

/**
 * Cancels one session. It leaves the parents' list (which shows scheduled
 * sessions only), and every booker with an address is told, in the same transaction.
 */
export function cancelSession(db: DB, actor: Actor | null, sessionId: number, now = new Date()): CancelResult {
  return db.transaction(
    (tx) => {
      if (!plannerIn(tx, actor)) return refuse("forbidden");
      const session = sessionForChange(tx, sessionId, now);
      if ("ok" in session) return session;
      return { ok: true, told: cancelMeeting(tx, session, now) } as const;
    },
    { behavior: "immediate" },
  );
}

export type FacilitatorsResult = { ok: true; sessionIds: number[] } | ScheduleRefusal;

/**
 * Sets who runs a session, or every coming session of its series or group.
 * Past sessions keep who actually ran them.
 */
export function setFacilitators(db: DB, actor: Actor | null, input: FacilitatorsInput, now = new Date()): FacilitatorsResult {
  return db.transaction(
    (tx) => {
      if (!plannerIn(tx, actor)) return refuse("forbidden");
      const session = tx
        .select({ id: sessions.id, seriesId: sessions.seriesId, groupId: sessions.groupId })
        .from(sessions)
        .where(eq(sessions.id, input.sessionId))
        .get();
      if (!session) return refuse("unknownSession");
      const userIds = [...new Set(input.facilitators)];
      if (!checkStaff(tx, userIds)) return refuse("unknownStaff");

      let ids = [session.id];
      if (input.scope === "all" && (session.seriesId !== null || session.groupId !== null)) {
        const sameRule =
          session.groupId !== null ? eq(sessions.groupId, session.groupId) : eq(sessions.seriesId, session.seriesId!);
        ids = tx
          .select({ id: sessions.id })
          .from(sessions)
          .where(and(sameRule, eq(sessions.status, "scheduled"), gt(sessions.startsAt, now)))
          .all()
          .map((r) => r.id);
        if (!ids.includes(session.id)) ids.push(session.id);
      }
      tx.delete(sessionFacilitators).where(inArray(sessionFacilitators.sessionId, ids)).run();
      assign(tx, ids, userIds);
      return { ok: true, sessionIds: ids } as const;
    },
    { behavior: "immediate" },
  );
}

export type GroupEditResult = { ok: true; promoted: number } | ScheduleRefusal;

/**
 * Changes a group's own title, description and seats after it was made. Its
 * meetings take the new title with their number. Fewer seats than are booked
 * is refused, naming how many are; more seats move the waiting list up at
 * once, and the parents promoted are told, in the same transaction.
 */
export function updateGroup(db: DB, actor: Actor | null, input: GroupEditInput, now = new Date()): GroupEditResult {
  return db.transaction(
    (tx) => {
      if (!plannerIn(tx, actor)) return refuse("forbidden");
      const group = tx.select({ id: sessionGroups.id, status: sessionGroups.status }).from(sessionGroups).where(eq(sessionGroups.id, input.groupId)).get();
      if (!group) return refuse("unknownGroup");
      if (group.status === "cancelled") return refuse("sessionCancelled");
      // Booking closes when the first meeting starts, and what was held stays as it was, as for one session.
      const first = groupFirstStart(tx, group.id);
      if (!first || first.getTime() <= now.getTime()) return refuse("sessionStarted");
      const booked = seatsTaken(tx, { sessionId: null, groupId: group.id });
      if (input.capacity < booked) return refuse("capacityBelowBooked", { field: "capacity", booked });
      tx.update(sessionGroups)
        .set({ title: input.title, description: input.description, capacity: input.capacity, maxPartySize: input.maxPartySize })
        .where(eq(sessionGroups.id, group.id))
        .run();
      const meetings = tx.select({ id: sessions.id }).from(sessions).where(eq(sessions.groupId, group.id)).orderBy(asc(sessions.startsAt)).all();
      const n = meetings.length;
      meetings.forEach((m, i) => {
        tx.update(sessions).set({ title: numberedTitle(input.title, i, n), description: input.description, maxPartySize: input.maxPartySize }).where(eq(sessions.id, m.id)).run();
      });
      const promoted = meetings.length ? seatsChanged(tx, meetings[0]!.id, now).length : 0;
      return { ok: true, promoted } as const;
    },
    { behavior: "immediate" },
  );
}

export type SeriesCancelResult = { ok: true; cancelled: number; told: number } | ScheduleRefusal;

/**
 * Ends a weekly series from a date on: every meeting of it on or after that
 * day (and not yet started) is cancelled, each booker told, and the rule's
 * last date moved back, in one transaction. Earlier meetings stay as they are.
 */
export function cancelSeriesFrom(db: DB, actor: Actor | null, input: SeriesCancelInput, now = new Date()): SeriesCancelResult {
  return db.transaction(
    (tx) => {
      if (!plannerIn(tx, actor)) return refuse("forbidden");
      const session = tx
        .select({ seriesId: sessions.seriesId, groupId: sessions.groupId })
        .from(sessions)
        .where(eq(sessions.id, input.sessionId))
        .get();
      if (!session) return refuse("unknownSession");
      // A group is booked as one: its meetings are cancelled one by one, each told.
      if (session.seriesId === null || session.groupId !== null) return refuse("notASeries");
      const from = helsinkiInstant(input.fromDate, "00:00");
      const after = from.getTime() > now.getTime() ? from : now;
      const doomed = tx
        .select({ id: sessions.id, groupId: sessions.groupId })
        .from(sessions)
        .where(and(eq(sessions.seriesId, session.seriesId), eq(sessions.status, "scheduled"), gt(sessions.startsAt, after)))
        .all();
      if (doomed.length === 0) return refuse("nothingToCancel", { field: "fromDate" });
      const told = doomed.reduce((n, meeting) => n + cancelMeeting(tx, meeting, now), 0);
      const rule = tx.select({ toDate: series.toDate }).from(series).where(eq(series.id, session.seriesId)).get();
      const dayBefore = new Date(Date.parse(`${input.fromDate}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
      if (rule && dayBefore < rule.toDate) tx.update(series).set({ toDate: dayBefore }).where(eq(series.id, session.seriesId)).run();
      return { ok: true, cancelled: doomed.length, told } as const;
    },
    { behavior: "immediate" },
  );
}
