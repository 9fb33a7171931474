import { beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { DB } from "@/db/client";
import { attendance, sessions, visits } from "@/db/schema";
import { createBooking } from "@/lib/booking/writes";
import type { Actor } from "@/lib/auth/staff";
import { addGroup, addPlace, addSession, addStaff, assign, bookingInput, testDb } from "@/lib/test/db";
import { tally } from "./door";
import { checkIn, closeSession, issueVisitorCode, markNoShows, recordReturningCode, recordWalkIn, undoCheckIn, undoTap } from "./writes";

let db: DB;
let sessionId: number;
let mine: Actor;
let other: Actor;
let planner: Actor;

beforeEach(() => {
  db = testDb();
  const placeId = addPlace(db).id;
  sessionId = addSession(db, { placeId, kind: "drop_in", capacity: 10, startsAt: new Date(Date.now() - 3_600_000) }).id;
  const elsewhere = addSession(db, { placeId, kind: "drop_in", capacity: null }).id;
  mine = addStaff(db);
  other = addStaff(db);
  planner = addStaff(db, "planner");
  assign(db, sessionId, mine.id);
  assign(db, elsewhere, other.id);
});

const visitRows = () => db.select().from(visits).where(eq(visits.sessionId, sessionId)).all();
const tap = (key: string, kind: "parent" | "professional" | "other" = "parent", firstTime: boolean | null = true) => ({ sessionId, clientKey: key, kind, firstTime });

describe("who may act at the door", () => {
  it.each([
    ["an anonymous visitor", (): Actor | null => null, false],
    ["a facilitator of another session", () => other, false],
    ["the session's facilitator", () => mine, true],
    ["a planner", () => planner, true],
  ] as const)("%s", (_who, actor, allowed) => {
    const a = actor();
    const results = [
      recordWalkIn(db, a, tap("k1")),
      issueVisitorCode(db, a, sessionId, "k2"),
      closeSession(db, a, sessionId, null),
    ];
    for (const r of results) expect(r.ok).toBe(allowed);
    if (!allowed) {
      expect(results[0]).toEqual({ ok: false, error: "forbidden" });
      expect(visitRows()).toEqual([]);
      expect(db.select().from(sessions).where(eq(sessions.id, sessionId)).get()!.closedAt).toBeNull();
    } else {
      expect(visitRows()).toHaveLength(2);
    }
  });

  it("refuses check-in, undo and no-shows to someone else's facilitator too", () => {
    const booking = createBooking(db, bookingInput(addSession(db, { placeId: addPlace(db, "other").id }).id));
    expect(booking.ok).toBe(true);
    expect(checkIn(db, other, sessionId, 1)).toEqual({ ok: false, error: "forbidden" });
    expect(undoCheckIn(db, null, sessionId, 1)).toEqual({ ok: false, error: "forbidden" });
    expect(markNoShows(db, other, sessionId)).toEqual({ ok: false, error: "forbidden" });
    expect(undoTap(db, other, sessionId, "x")).toEqual({ ok: false, error: "forbidden" });
    expect(recordReturningCode(db, null, sessionId, "ABC-346", "y")).toEqual({ ok: false, error: "forbidden" });
  });
});

describe("walk-ins", () => {
  it("counts each kind of tap, once however often a tap is retried, and undoes one", () => {
    recordWalkIn(db, mine, tap("a", "parent", true));
    recordWalkIn(db, mine, tap("a", "parent", true)); // the same tap, retried
    recordWalkIn(db, mine, tap("b", "parent", false));
    recordWalkIn(db, planner, tap("c", "professional", null));
    recordWalkIn(db, mine, tap("d", "other", null));
    expect(tally(db, sessionId)).toMatchObject({ firstTime: 1, returning: 1, professional: 1, other: 1, total: 4 });
    undoTap(db, mine, sessionId, "d");
    expect(tally(db, sessionId)).toMatchObject({ other: 0, total: 3 });
  });

  it("refuses taps on a closed or cancelled session", () => {
    closeSession(db, mine, sessionId, "A calm morning.");
    expect(recordWalkIn(db, mine, tap("late"))).toEqual({ ok: false, error: "closed" });
    const cancelled = addSession(db, { placeId: addPlace(db, "x").id, status: "cancelled" }).id;
    expect(recordWalkIn(db, planner, { ...tap("c"), sessionId: cancelled })).toEqual({ ok: false, error: "cancelled" });
  });
});

describe("visitor codes", () => {
  it("gives a first-time parent a code, counts it again at a later visit, once per session", () => {
    const first = issueVisitorCode(db, mine, sessionId, "issue-1");
    expect(first.ok).toBe(true);
    const code = first.ok ? first.code : "";
    expect(issueVisitorCode(db, mine, sessionId, "issue-1")).toEqual({ ok: true, code }); // retried: same code

    const later = addSession(db, { placeId: addPlace(db, "later").id, kind: "drop_in", capacity: null }).id;
    assign(db, later, mine.id);
    expect(recordReturningCode(db, mine, later, code.toLowerCase().replace("-", " "), "ret-1")).toEqual({ ok: true, code });
    expect(recordReturningCode(db, mine, later, code, "ret-2")).toEqual({ ok: false, error: "alreadyCounted" });
    expect(recordReturningCode(db, mine, later, code, "ret-1")).toEqual({ ok: true, code }); // the same tap, retried
    expect(recordReturningCode(db, mine, later, "ZZZ-999", "ret-3")).toEqual({ ok: false, error: "unknownCode" });

    const rows = db.select().from(visits).where(eq(visits.visitorCode, code)).all();
    expect(rows.map((r) => [r.sessionId, r.firstTime])).toEqual([
      [sessionId, true],
      [later, false],
    ]);
  });
});

describe("bookings at the door", () => {
  it("checks a party in as one visit per seat, under the parent's code, and undoes it", () => {
    const placeId = addPlace(db, "evening").id;
    const evening = addSession(db, { placeId, capacity: 10 }).id;
    assign(db, evening, mine.id);
    const b = createBooking(db, bookingInput(evening, { partySize: 3 }));
    if (!b.ok) throw new Error(b.error);

    expect(checkIn(db, mine, evening, b.bookingId)).toEqual({ ok: true });
    expect(checkIn(db, mine, evening, b.bookingId)).toEqual({ ok: true }); // twice changes nothing
    expect(tally(db, evening)).toMatchObject({ booked: 3, total: 3 });
    expect(undoCheckIn(db, mine, evening, b.bookingId)).toEqual({ ok: true });
    expect(tally(db, evening).total).toBe(0);
    expect(checkIn(db, mine, sessionId, b.bookingId)).toEqual({ ok: false, error: "notBooked" });
  });

  it("checks in a group's booking meeting by meeting", () => {
    const { sessionIds } = addGroup(db, addPlace(db, "group").id, 10, 3);
    for (const id of sessionIds) assign(db, id, mine.id);
    const b = createBooking(db, bookingInput(sessionIds[0]!));
    if (!b.ok) throw new Error(b.error);
    expect(checkIn(db, mine, sessionIds[1]!, b.bookingId)).toEqual({ ok: true });
    expect(tally(db, sessionIds[1]!).booked).toBe(1);
    expect(tally(db, sessionIds[0]!).booked).toBe(0);
  });

  it("marks the unmarked bookings no-show only at or after the end", () => {
    const placeId = addPlace(db, "noshow").id;
    const start = new Date(Date.now() + 3_600_000);
    const evening = addSession(db, { placeId, capacity: 10, startsAt: start }).id;
    assign(db, evening, mine.id);
    const came = createBooking(db, bookingInput(evening));
    const absent = createBooking(db, bookingInput(evening));
    if (!came.ok || !absent.ok) throw new Error("booking failed");
    checkIn(db, mine, evening, came.bookingId);
    expect(markNoShows(db, mine, evening, new Date())).toEqual({ ok: false, error: "tooEarly" });
    const end = new Date(start.getTime() + 2 * 3_600_000);
    expect(markNoShows(db, mine, evening, end)).toEqual({ ok: true, marked: 1 });
    const rows = db.select().from(attendance).where(eq(attendance.sessionId, evening)).all();
    expect(rows.map((r) => [r.bookingId, r.status]).sort()).toEqual([
      [came.bookingId, "attended"],
      [absent.bookingId, "no_show"],
    ]);
  });
});
