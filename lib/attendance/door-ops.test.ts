import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { TZDate } from "@date-fns/tz";
import { eq } from "drizzle-orm";
import type { DB } from "@/db/client";
import { attendance, auditLog, visitorCodes, visits } from "@/db/schema";
import { createBooking } from "@/lib/booking/writes";
import type { Actor } from "@/lib/auth/staff";
import { addPlace, addSession, addStaff, assign, bookingInput, testDb } from "@/lib/test/db";
import { rememberAnswer } from "@/lib/feedback/quiet";
import { applyDoorOps, changeTime, doorOps, type QueuedChange } from "./door-ops";

const NOW = new Date(new TZDate(2026, 11, 2, 12, 0, 0, "Europe/Helsinki").getTime());
const HOUR = 3_600_000;

let db: DB;
let sessionId: number;
let mine: Actor;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(NOW);
  db = testDb();
  sessionId = addSession(db, { placeId: addPlace(db).id, kind: "drop_in", capacity: 10, startsAt: new Date(NOW.getTime() - HOUR) }).id;
  mine = addStaff(db);
  assign(db, sessionId, mine.id);
});
afterEach(() => vi.useRealTimers());

const lateRows = () =>
  db.select({ actorId: auditLog.actorId, subjectId: auditLog.subjectId, detail: auditLog.detail }).from(auditLog).where(eq(auditLog.action, "door.late_sync")).all();

const visitRows = () =>
  db.select({ kind: visits.kind, source: visits.source, key: visits.clientKey }).from(visits).where(eq(visits.sessionId, sessionId)).orderBy(visits.id).all();

describe("a device's queued changes", () => {
  it("land in order, and sending the same list again changes nothing", () => {
    vi.setSystemTime(new Date(NOW.getTime() - 3 * 86_400_000));
    const booking = createBooking(db, bookingInput(sessionId, { partySize: 1 }));
    vi.setSystemTime(NOW);
    if (!booking.ok) throw new Error(booking.error);
    const ops: QueuedChange[] = [
      { seq: 1, type: "tap", clientKey: "tap-one-key", kind: "parent", firstTime: false },
      { seq: 2, type: "tap", clientKey: "tap-two-key", kind: "professional", firstTime: null },
      { seq: 3, type: "undo", clientKey: "tap-two-key" },
      { seq: 4, type: "issue", clientKey: "issue-key1", fromTap: null },
      { seq: 5, type: "checkIn", bookingId: booking.bookingId, attended: true },
    ];
    const first = applyDoorOps(db, mine, sessionId, ops);
    expect(first.map((r) => r.ok)).toEqual([true, true, true, true, true]);
    const issued = first[3]!;
    const code = issued.ok ? issued.code : null;
    expect(code).toMatch(/^[A-Z]{3}-\d{4}-[A-Z]{3}$/);
    const after = visitRows();
    expect(after).toEqual([
      { kind: "parent", source: "walk_in", key: "tap-one-key" },
      { kind: "parent", source: "code", key: "issue-key1" },
      { kind: "parent", source: "booking", key: `booking:${booking.bookingId}:${sessionId}:0` },
    ]);

    // The answer was lost on the way back: the device sends the whole list again.
    const again = applyDoorOps(db, mine, sessionId, ops);
    expect(again[3]).toEqual({ seq: 4, ok: true, code, replacedTap: false });
    expect(visitRows()).toEqual(after);
    expect(db.select().from(visitorCodes).all()).toHaveLength(1);
    expect(db.select().from(attendance).all()).toHaveLength(1);
  });

  it("a refused change is answered and the ones after it still land", () => {
    const r = applyDoorOps(db, mine, sessionId, [
      { seq: 7, type: "code", clientKey: "code-key-1", typed: "ZZZ-9999-ZZZ", fromTap: null },
      { seq: 8, type: "tap", clientKey: "tap-after1", kind: "other", firstTime: null },
    ]);
    expect(r).toEqual([
      { seq: 7, ok: false, error: "unknownCode" },
      { seq: 8, ok: true, code: undefined, replacedTap: undefined },
    ]);
    expect(visitRows()).toEqual([{ kind: "other", source: "walk_in", key: "tap-after1" }]);
  });

  it("someone who does not run the session changes nothing", () => {
    const r = applyDoorOps(db, addStaff(db), sessionId, [{ seq: 1, type: "tap", clientKey: "stranger-key", kind: "parent", firstTime: true }]);
    expect(r).toEqual([{ seq: 1, ok: false, error: "forbidden" }]);
    expect(visitRows()).toEqual([]);
  });

  it("refuses the server's own keys and a malformed change alone, and an empty or oversized list at the edge", () => {
    const r = applyDoorOps(db, mine, sessionId, [
      { seq: 1, type: "undo", clientKey: "booking:1:1:0" },
      { seq: 2, type: "tap", clientKey: "tap-after2", kind: "nobody", firstTime: null },
      { seq: 3, type: "tap", clientKey: "tap-after3", kind: "other", firstTime: null },
    ]);
    expect(r.map((x) => [x.seq, x.ok])).toEqual([
      [1, false],
      [2, false],
      [3, true],
    ]);
    expect(r[0]).toEqual({ seq: 1, ok: false, error: "invalid" });
    expect(visitRows()).toEqual([{ kind: "other", source: "walk_in", key: "tap-after3" }]);
    expect(doorOps.safeParse({ ops: [{ type: "noShows" }] }).success).toBe(false);
    expect(doorOps.safeParse({ ops: [] }).success).toBe(false);
    const many = Array.from({ length: 201 }, (_, i) => ({ seq: i, type: "noShows" }));
    expect(doorOps.safeParse({ ops: many }).success).toBe(false);
  });

  it("judges a change at the time the device made it, within a day and a half and never in the future", () => {
    const now = new Date("2026-11-24T06:00:00Z");
    expect(changeTime(Date.parse("2026-11-23T17:00:00Z"), now)).toEqual(new Date("2026-11-23T17:00:00Z"));
    expect(changeTime(Date.parse("2026-11-22T12:00:00Z"), now)).toEqual(now);
    expect(changeTime(Date.parse("2026-11-24T07:00:00Z"), now)).toEqual(now);
    expect(changeTime(undefined, now)).toEqual(now);
  });

  it("counts an evening's taps that reach the server only the next morning", () => {
    const nextMorning = new Date(NOW.getTime() + 20 * HOUR);
    const late = applyDoorOps(db, mine, sessionId, [{ seq: 1, type: "tap", clientKey: "no-time-key", kind: "parent", firstTime: true }], nextMorning);
    expect(late).toEqual([{ seq: 1, ok: false, error: "dayOver" }]);
    const kept = applyDoorOps(db, mine, sessionId, [{ seq: 2, at: NOW.getTime(), type: "tap", clientKey: "evening-key", kind: "parent", firstTime: true }], nextMorning);
    expect(kept).toEqual([{ seq: 2, ok: true, code: undefined, replacedTap: undefined }]);
    expect(visitRows()).toEqual([{ kind: "parent", source: "walk_in", key: "evening-key" }]);
    // Allowed, but a planner reading the log sees that these figures arrived after the day.
    expect(lateRows()).toEqual([{ actorId: mine.id, subjectId: String(sessionId), detail: { day: "2026-12-02", changes: 1, parents: 1 } }]);
  });

  it("names the session's day and counts a late batch by kind", () => {
    vi.setSystemTime(new Date(NOW.getTime() - 3 * 86_400_000));
    const booking = createBooking(db, bookingInput(sessionId, { partySize: 1 }));
    vi.setSystemTime(NOW);
    if (!booking.ok) throw new Error(booking.error);
    const at = NOW.getTime();
    const evening: QueuedChange[] = [
      { seq: 1, at, type: "tap", clientKey: "late-parent-1", kind: "parent", firstTime: true },
      { seq: 2, at, type: "tap", clientKey: "late-parent-2", kind: "parent", firstTime: false },
      { seq: 3, at, type: "tap", clientKey: "late-pro-1", kind: "professional", firstTime: null },
      { seq: 4, at, type: "tap", clientKey: "late-other-1", kind: "other", firstTime: null },
      { seq: 5, at, type: "undo", clientKey: "late-other-1" },
      { seq: 6, at, type: "checkIn", bookingId: booking.bookingId, attended: true },
      { seq: 7, at, type: "issue", clientKey: "late-code-1", fromTap: null },
      // Refused changes did not change the figures and are not counted.
      { seq: 8, at, type: "code", clientKey: "late-code-2", typed: "ZZZ-9999-ZZZ", fromTap: null },
    ];
    const r = applyDoorOps(db, mine, sessionId, evening, new Date(NOW.getTime() + 20 * HOUR));
    expect(r.map((x) => x.ok)).toEqual([true, true, true, true, true, true, true, false]);
    expect(lateRows()).toEqual([
      {
        actorId: mine.id,
        subjectId: String(sessionId),
        detail: { day: "2026-12-02", changes: 7, parents: 2, professionals: 1, others: 1, undos: 1, checkIns: 1, codes: 1 },
      },
    ]);
  });

  it("answers a queued walk-in past the room with the refusal, and lands the rest", () => {
    // The session has 10 seats in a room of 30.
    const ops: QueuedChange[] = Array.from({ length: 42 }, (_, i) => ({ seq: i, type: "tap", clientKey: `full-${i}`, kind: "parent", firstTime: true }));
    ops.push({ seq: 42, type: "undo", clientKey: "full-0" });
    const r = applyDoorOps(db, mine, sessionId, ops);
    expect(r.filter((x) => !x.ok)).toEqual([
      { seq: 40, ok: false, error: "roomFull" },
      { seq: 41, ok: false, error: "roomFull" },
    ]);
    expect(r.at(-1)).toMatchObject({ seq: 42, ok: true });
    expect(visitRows()).toHaveLength(39);
  });

  it("leaves no late-arrival row for changes that reach the server on the session's day", () => {
    applyDoorOps(db, mine, sessionId, [{ seq: 1, at: NOW.getTime() - 60_000, type: "tap", clientKey: "on-time-key", kind: "parent", firstTime: true }], NOW);
    expect(visitRows()).toHaveLength(1);
    expect(lateRows()).toEqual([]);
  });

  it("records how a first-time walk-in heard of Kohtaamo after the tap, and only for a first-time parent", () => {
    const r = applyDoorOps(db, mine, sessionId, [
      { seq: 1, type: "tap", clientKey: "first-time-1", kind: "parent", firstTime: true },
      { seq: 2, type: "heardFrom", clientKey: "first-time-1", channel: "social_worker" },
      { seq: 3, type: "tap", clientKey: "returning-1", kind: "parent", firstTime: false },
      { seq: 4, type: "heardFrom", clientKey: "returning-1", channel: "peer" },
      { seq: 5, type: "heardFrom", clientKey: "first-time-1", channel: "nobody" },
    ]);
    expect(r.map((x) => x.ok)).toEqual([true, true, true, false, false]);
    const told = db.select({ key: visits.clientKey, heardFrom: visits.heardFrom }).from(visits).where(eq(visits.sessionId, sessionId)).orderBy(visits.id).all();
    expect(told).toEqual([
      { key: "first-time-1", heardFrom: "social_worker" },
      { key: "returning-1", heardFrom: null },
    ]);
  });

  it("tells the door when a returning code answered feedback within the quiet period", () => {
    const [issued] = applyDoorOps(db, mine, sessionId, [{ seq: 1, type: "issue", clientKey: "issue-key2", fromTap: null }]);
    const code = issued!.ok ? issued!.code! : "";
    // The parent comes back to the next sessions of the day, once before answering and once after.
    const placeId = addPlace(db, "myyrmaki").id;
    const laterSession = () => {
      const id = addSession(db, { placeId, kind: "drop_in", capacity: 10, startsAt: new Date(NOW.getTime() - HOUR) }).id;
      assign(db, id, mine.id);
      return id;
    };
    const count = (seq: number) => applyDoorOps(db, mine, laterSession(), [{ seq, type: "code", clientKey: `code-key-${seq}`, typed: code, fromTap: null }])[0];
    expect(count(2)).toMatchObject({ ok: true, code, quiet: false });
    rememberAnswer(db, code, NOW, 30);
    expect(count(3)).toMatchObject({ ok: true, code, quiet: true });
  });
});
