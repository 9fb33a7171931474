import { beforeEach, describe, expect, it } from "vitest";
import { asc, eq } from "drizzle-orm";
import type { DB } from "@/db/client";
import { bookings, outbox, places, series, sessionFacilitators, sessionGroups, sessions, users } from "@/db/schema";
import { createBooking } from "@/lib/booking/writes";
import { addPlace, addSession, bookingInput, testDb } from "@/lib/test/db";
import { addStaff, groupInput, onceInput, seriesInput } from "./test-helpers";
import { editFormSchema } from "./schemas";
import { cancelSession, createGroup, createSeries, createSession, setFacilitators, updateSession } from "./writes";

const NOW = new Date("2026-01-01T10:00:00Z");
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let db: DB;
let placeId: number;
beforeEach(() => {
  db = testDb();
  placeId = addPlace(db).id;
});

const allSessions = () => db.select().from(sessions).orderBy(asc(sessions.startsAt)).all();
const mailOf = (bookingId: number) => db.select().from(outbox).where(eq(outbox.bookingId, bookingId)).orderBy(asc(outbox.id)).all();
const pending = (bookingId: number, kind: string) => mailOf(bookingId).filter((m) => m.kind === kind && !m.sentAt && !m.droppedAt);

function book(sessionId: number, o: Record<string, unknown> = {}) {
  const r = createBooking(db, bookingInput(sessionId, o), NOW);
  if (!r.ok) throw new Error(r.error);
  return r.bookingId;
}

describe("weekly series", () => {
  it("creates each meeting as an ordinary session of the series, with its facilitators", () => {
    const planner = addStaff(db, "planner");
    const eero = addStaff(db, "facilitator");
    const r = createSeries(db, planner, seriesInput(placeId, { facilitators: [eero.id], skipDates: "2026-03-31" }), NOW);
    expect(r.ok).toBe(true);
    const rows = allSessions();
    expect(rows.map((s) => s.startsAt.toISOString())).toEqual([
      "2026-03-17T07:00:00.000Z",
      "2026-03-24T07:00:00.000Z",
      "2026-04-07T06:00:00.000Z",
    ]);
    const rule = db.select().from(series).get()!;
    expect(rule).toMatchObject({ weekday: 2, startTime: "09:00", endTime: "15:00", skipDates: ["2026-03-31"], createdBy: planner.id });
    expect(rows.every((s) => s.seriesId === rule.id && s.kind === "drop_in" && s.capacity === null && s.groupId === null)).toBe(true);
    expect(db.select().from(sessionFacilitators).all()).toHaveLength(3);
  });

  it("refuses a series overlapping a scheduled session at the same place, names the date, and writes nothing", () => {
    const planner = addStaff(db, "planner");
    addSession(db, { placeId, startsAt: new Date("2026-03-24T12:00:00Z"), endsAt: new Date("2026-03-24T14:00:00Z") });
    const before = allSessions();
    const r = createSeries(db, planner, seriesInput(placeId), NOW);
    expect(r).toMatchObject({ ok: false, error: "clash" });
    expect(!r.ok && r.clashes?.map((c) => c.startsAt.toISOString())).toEqual(["2026-03-24T12:00:00.000Z"]);
    expect(allSessions()).toEqual(before);
    expect(db.select().from(series).all()).toEqual([]);
  });

  it("does not count a cancelled session, another place, or one that merely touches", () => {
    const planner = addStaff(db, "planner");
    const other = addPlace(db, "jarvenpaa").id;
    addSession(db, { placeId, status: "cancelled", startsAt: new Date("2026-03-24T08:00:00Z") });
    addSession(db, { placeId: other, startsAt: new Date("2026-03-24T08:00:00Z") });
    addSession(db, { placeId, startsAt: new Date("2026-03-17T13:00:00Z"), endsAt: new Date("2026-03-17T15:00:00Z") }); // 15–17 Helsinki
    expect(createSeries(db, planner, seriesInput(placeId), NOW).ok).toBe(true);
  });

  it("refuses a series whose first meeting is already past", () => {
    const planner = addStaff(db, "planner");
    expect(createSeries(db, planner, seriesInput(placeId), new Date("2026-03-18T00:00:00Z"))).toMatchObject({ ok: false, error: "pastDate", field: "fromDate" });
    expect(allSessions()).toEqual([]);
  });

  it("refuses a series with no meetings at all", () => {
    const planner = addStaff(db, "planner");
    const r = createSeries(db, planner, seriesInput(placeId, { fromDate: "2026-03-18", toDate: "2026-03-20" }), NOW);
    expect(r).toMatchObject({ ok: false, error: "noOccurrences" });
  });
});

describe("groups", () => {
  it("creates the group and its weekly meetings, sharing one capacity", () => {
    const planner = addStaff(db, "planner");
    const r = createGroup(db, planner, groupInput(placeId), NOW);
    expect(r.ok).toBe(true);
    const group = db.select().from(sessionGroups).get()!;
    expect(group).toMatchObject({ capacity: 10, maxPartySize: 2, placeId });
    const rows = allSessions();
    expect(rows).toHaveLength(6);
    expect(rows.every((s) => s.groupId === group.id && s.kind === "group" && s.capacity === null && s.seriesId !== null)).toBe(true);
    expect(rows[0]!.title.en).toBe("Drop-in 1/6");
    // Booked as one: a booking from any meeting is the group's.
    const bookingId = book(rows[3]!.id);
    expect(db.select().from(bookings).where(eq(bookings.id, bookingId)).get()!.groupId).toBe(group.id);
  });

  it("refuses an overlapping group without leaving the group row behind", () => {
    const planner = addStaff(db, "planner");
    addSession(db, { placeId, startsAt: new Date("2026-04-01T15:00:00Z") }); // 18:00 Helsinki on a Wednesday
    const r = createGroup(db, planner, groupInput(placeId), NOW);
    expect(r).toMatchObject({ ok: false, error: "clash" });
    expect(db.select().from(sessionGroups).all()).toEqual([]);
    expect(allSessions()).toHaveLength(1);
  });
});

describe("one-off sessions", () => {
  it("creates one at the Helsinki time typed", () => {
    const planner = addStaff(db, "planner");
    const r = createSession(db, planner, onceInput(placeId, { capacity: "", audienceEn: "Parents" }), NOW);
    expect(r.ok).toBe(true);
    const s = allSessions()[0]!;
    expect(s.startsAt.toISOString()).toBe("2026-03-24T16:00:00.000Z");
    expect(s.capacity).toBeNull();
    expect(s.audience).toEqual({ fi: "", sv: "", en: "Parents" });
    expect(s.languages).toEqual(["fi", "en"]);
  });

  it("refuses an archived place and an overlapping time", () => {
    const planner = addStaff(db, "planner");
    addSession(db, { placeId, startsAt: new Date("2026-03-24T15:00:00Z") });
    expect(createSession(db, planner, onceInput(placeId), NOW)).toMatchObject({ ok: false, error: "clash" });
    const archived = addPlace(db, "old").id;
    db.update(places).set({ archivedAt: NOW }).where(eq(places.id, archived)).run();
    expect(createSession(db, planner, onceInput(archived), NOW)).toMatchObject({ ok: false, error: "placeArchived", field: "placeId" });
    expect(allSessions()).toHaveLength(1);
  });
});

describe("cancelling a session", () => {
  it("takes it off the list, tells every booker with an address once, and drops their reminders", () => {
    const planner = addStaff(db, "planner");
    const s = addSession(db, { placeId, startsAt: new Date("2026-03-24T15:00:00Z"), capacity: 2 });
    const withEmail = book(s.id, { email: "a@example.com" });
    const anonymous = book(s.id);
    const waiting = book(s.id, { email: "w@example.com" });
    const cancelled = book(s.id, { email: "c@example.com" });
    db.update(bookings).set({ status: "cancelled" }).where(eq(bookings.id, cancelled)).run();
    expect(pending(withEmail, "booking_reminder")).toHaveLength(1);

    const r = cancelSession(db, planner, s.id, NOW);
    expect(r).toEqual({ ok: true, told: 2 });
    expect(db.select().from(sessions).where(eq(sessions.id, s.id)).get()!.status).toBe("cancelled");
    expect(pending(withEmail, "session_cancelled")).toMatchObject([{ recipient: "a@example.com", notBefore: NOW }]);
    expect(pending(waiting, "session_cancelled")).toHaveLength(1);
    expect(mailOf(anonymous)).toEqual([]);
    expect(pending(cancelled, "session_cancelled")).toEqual([]);
    expect(pending(withEmail, "booking_reminder")).toEqual([]);
    expect(mailOf(withEmail).find((m) => m.kind === "booking_reminder")!.droppedAt).toEqual(NOW);
  });

  it("for a group meeting tells the group's bookers and moves reminders to the next meeting", () => {
    const planner = addStaff(db, "planner");
    createGroup(db, planner, groupInput(placeId), NOW);
    const [first, second] = allSessions();
    const bookingId = book(first!.id, { email: "g@example.com" });
    expect(pending(bookingId, "booking_reminder")[0]!.notBefore).toEqual(new Date(first!.startsAt.getTime() - DAY));

    expect(cancelSession(db, planner, first!.id, NOW)).toEqual({ ok: true, told: 1 });
    expect(pending(bookingId, "session_cancelled")).toHaveLength(1);
    const reminder = pending(bookingId, "booking_reminder");
    expect(reminder).toHaveLength(1);
    expect(reminder[0]!.notBefore).toEqual(new Date(second!.startsAt.getTime() - DAY));
    expect(reminder[0]!.nextAttemptAt).toEqual(new Date(second!.startsAt.getTime() - DAY));
  });

  it("refuses a session already cancelled or started, changing nothing", () => {
    const planner = addStaff(db, "planner");
    const s = addSession(db, { placeId, startsAt: new Date(NOW.getTime() - HOUR), endsAt: new Date(NOW.getTime() + HOUR) });
    expect(cancelSession(db, planner, s.id, NOW)).toMatchObject({ ok: false, error: "sessionStarted" });
    const c = addSession(db, { placeId, status: "cancelled", startsAt: new Date("2026-03-01T10:00:00Z") });
    expect(cancelSession(db, planner, c.id, NOW)).toMatchObject({ ok: false, error: "sessionCancelled" });
    expect(db.select().from(outbox).all()).toEqual([]);
  });
});

describe("moving a session", () => {
  const edit = (sessionId: number, o: Record<string, unknown> = {}) =>
    editFormSchema.parse({
      sessionId: String(sessionId),
      placeId: String(placeId),
      kind: "info_evening",
      titleFi: "Infoilta",
      titleSv: "Infokväll",
      titleEn: "Info evening",
      languages: "fi",
      date: "2026-03-24",
      startTime: "18:00",
      endTime: "20:00",
      capacity: "10",
      ...o,
    });

  it("tells the bookers the new time and moves their reminders with it", () => {
    const planner = addStaff(db, "planner");
    const s = addSession(db, { placeId, startsAt: new Date("2026-03-24T16:00:00Z"), endsAt: new Date("2026-03-24T18:00:00Z") });
    const bookingId = book(s.id, { email: "a@example.com" });
    const anonymous = book(s.id);

    const r = updateSession(db, planner, edit(s.id, { date: "2026-03-31" }), NOW);
    expect(r).toEqual({ ok: true, moved: true, told: 1, promoted: 0 });
    const moved = db.select().from(sessions).where(eq(sessions.id, s.id)).get()!;
    expect(moved.startsAt.toISOString()).toBe("2026-03-31T15:00:00.000Z"); // summer time from 29 March
    expect(moved.movedAt).toEqual(NOW); // the booking page of a parent without e-mail says so
    expect(pending(bookingId, "session_moved")).toMatchObject([{ recipient: "a@example.com" }]);
    const reminder = pending(bookingId, "booking_reminder");
    expect(reminder).toHaveLength(1);
    expect(reminder[0]!.notBefore).toEqual(new Date(moved.startsAt.getTime() - DAY));
    expect(reminder[0]!.nextAttemptAt).toEqual(new Date(moved.startsAt.getTime() - DAY));
    expect(mailOf(anonymous)).toEqual([]);
  });

  it("sends nothing when only the words change", () => {
    const planner = addStaff(db, "planner");
    const s = addSession(db, { placeId, startsAt: new Date("2026-03-24T16:00:00Z"), endsAt: new Date("2026-03-24T18:00:00Z") });
    const bookingId = book(s.id, { email: "a@example.com" });
    const before = mailOf(bookingId);
    expect(updateSession(db, planner, edit(s.id, { titleEn: "Evening about rights" }), NOW)).toEqual({ ok: true, moved: false, told: 0, promoted: 0 });
    expect(mailOf(bookingId)).toEqual(before);
    expect(db.select().from(sessions).where(eq(sessions.id, s.id)).get()!.title.en).toBe("Evening about rights");
  });

  it("raising the capacity confirms the waiting list in queue order, in the same change, and tells them", () => {
    const planner = addStaff(db, "planner");
    const s = addSession(db, { placeId, capacity: 2, startsAt: new Date("2026-03-24T16:00:00Z"), endsAt: new Date("2026-03-24T18:00:00Z") });
    book(s.id, { partySize: 2 });
    const first = book(s.id, { email: "first@example.com" });
    const pair = book(s.id, { partySize: 2 });
    const last = book(s.id, { email: "last@example.com" });
    const status = (id: number) => db.select().from(bookings).where(eq(bookings.id, id)).get()!.status;
    expect([first, pair, last].map(status)).toEqual(["waitlisted", "waitlisted", "waitlisted"]);

    // Two seats more: the first in the queue, then the pair does not fit, the last one does.
    expect(updateSession(db, planner, edit(s.id, { capacity: "4" }), NOW)).toEqual({ ok: true, moved: false, told: 0, promoted: 2 });
    expect([first, pair, last].map(status)).toEqual(["confirmed", "waitlisted", "confirmed"]);
    expect(pending(first, "booking_promoted")).toMatchObject([{ recipient: "first@example.com" }]);
    expect(pending(last, "booking_promoted")).toMatchObject([{ recipient: "last@example.com" }]);
  });

  it("refuses fewer seats than are booked, naming how many, changing nothing", () => {
    const planner = addStaff(db, "planner");
    const s = addSession(db, { placeId, capacity: 5, startsAt: new Date("2026-03-24T16:00:00Z"), endsAt: new Date("2026-03-24T18:00:00Z") });
    book(s.id, { partySize: 2 });
    book(s.id, { partySize: 1 });
    const before = allSessions();
    expect(updateSession(db, planner, edit(s.id, { capacity: "2" }), NOW)).toEqual({ ok: false, error: "capacityBelowBooked", field: "capacity", booked: 3 });
    expect(allSessions()).toEqual(before);
    // As many seats as are booked is fine.
    expect(updateSession(db, planner, edit(s.id, { capacity: "3" }), NOW)).toMatchObject({ ok: true });
  });

  it("refuses a move onto another session at the place, changing nothing", () => {
    const planner = addStaff(db, "planner");
    const s = addSession(db, { placeId, startsAt: new Date("2026-03-24T16:00:00Z"), endsAt: new Date("2026-03-24T18:00:00Z") });
    addSession(db, { placeId, startsAt: new Date("2026-03-31T15:30:00Z") });
    const before = allSessions();
    expect(updateSession(db, planner, edit(s.id, { date: "2026-03-31" }), NOW)).toMatchObject({ ok: false, error: "clash" });
    expect(allSessions()).toEqual(before);
  });
});

describe("assigning facilitators", () => {
  it("sets them on one session, or on every coming session of its series", () => {
    const planner = addStaff(db, "planner");
    const eero = addStaff(db, "facilitator");
    const sanna = addStaff(db, "facilitator");
    createSeries(db, planner, seriesInput(placeId, { facilitators: [eero.id] }), NOW);
    const ids = allSessions().map((s) => s.id);
    const assigned = () =>
      db.select().from(sessionFacilitators).orderBy(asc(sessionFacilitators.sessionId)).all().map((r) => [r.sessionId, r.userId === eero.id ? "eero" : "sanna"]);

    expect(setFacilitators(db, planner, { sessionId: ids[1]!, facilitators: [sanna.id], scope: "session" }, NOW).ok).toBe(true);
    expect(assigned()).toEqual([[ids[0], "eero"], [ids[1], "sanna"], [ids[2], "eero"], [ids[3], "eero"]]);

    expect(setFacilitators(db, planner, { sessionId: ids[0]!, facilitators: [sanna.id], scope: "all" }, NOW).ok).toBe(true);
    expect(assigned()).toEqual(ids.map((id) => [id, "sanna"]));
  });

  it("refuses deactivated or unknown staff", () => {
    const planner = addStaff(db, "planner");
    const s = addSession(db, { placeId, startsAt: new Date("2026-03-24T16:00:00Z") });
    expect(setFacilitators(db, planner, { sessionId: s.id, facilitators: ["nobody"], scope: "session" }, NOW)).toMatchObject({ ok: false, error: "unknownStaff" });
    const gone = addStaff(db, "facilitator");
    db.update(users).set({ deactivatedAt: NOW }).where(eq(users.id, gone.id)).run();
    expect(setFacilitators(db, planner, { sessionId: s.id, facilitators: [gone.id], scope: "session" }, NOW)).toMatchObject({ ok: false, error: "unknownStaff" });
    expect(db.select().from(sessionFacilitators).all()).toEqual([]);
  });
});
