import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { TZDate } from "@date-fns/tz";
import { eq } from "drizzle-orm";
import type { DB } from "@/db/client";
import * as schema from "@/db/schema";
import { attendance, auditLog, outbox, sessions, visits } from "@/db/schema";
import { createBooking } from "@/lib/booking/writes";
import type { Actor } from "@/lib/auth/staff";
import { addGroup, addPlace, addSession, addStaff, assign, bookingInput, testDb } from "@/lib/test/db";
import { tally } from "./door";
import {
  checkIn,
  closeSession,
  issueVisitorCode,
  markNoShows,
  recordReturningCode,
  recordWalkIn,
  reopenSession,
  undoCheckIn,
  undoTap,
} from "./writes";

// Every door change is for the session's own day in Helsinki: the tests run at a fixed noon there.
const helsinki = (d: number, h: number, m = 0) => new Date(new TZDate(2026, 11, d, h, m, 0, "Europe/Helsinki").getTime());
const NOW = helsinki(2, 12);
const HOUR = 3_600_000;

let db: DB;
let sessionId: number;
let mine: Actor;
let other: Actor;
let planner: Actor;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(NOW);
  db = testDb();
  const placeId = addPlace(db).id;
  sessionId = addSession(db, { placeId, kind: "drop_in", capacity: 10, startsAt: new Date(NOW.getTime() - HOUR) }).id;
  const elsewhere = addSession(db, { placeId, kind: "drop_in", capacity: null }).id;
  mine = addStaff(db);
  other = addStaff(db);
  planner = addStaff(db, "planner");
  assign(db, sessionId, mine.id);
  assign(db, elsewhere, other.id);
});
afterEach(() => vi.useRealTimers());

const visitRows = () => db.select().from(visits).where(eq(visits.sessionId, sessionId)).all();
const tap = (key: string, kind: "parent" | "professional" | "other" = "parent", firstTime: boolean | null = true) => ({ sessionId, clientKey: key, kind, firstTime });

/** Every table the door could touch, to show a refusal changed nothing. */
const snapshot = () =>
  [schema.visits, schema.visitorCodes, schema.attendance, schema.sessions, schema.bookings, schema.auditLog, schema.outbox, schema.feedbackLinks].map((t) =>
    db.select().from(t).all(),
  );

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
    expect(recordReturningCode(db, null, sessionId, "ABC-3467-ABC", "y")).toEqual({ ok: false, error: "forbidden" });
  });
});

describe("one session's door sees nothing of another's", () => {
  // Tikkurila's facilitator runs their own session; Järvenpää's evening, the same day, is not theirs.
  let jarvenpaa: number;
  let jpBooking: number;
  let jpCode: string;
  beforeEach(() => {
    jarvenpaa = addSession(db, { placeId: addPlace(db, "jarvenpaa").id, startsAt: new Date(NOW.getTime() + HOUR / 2) }).id;
    const jpHost = addStaff(db);
    assign(db, jarvenpaa, jpHost.id);
    vi.setSystemTime(new Date(NOW.getTime() - 5 * 86_400_000));
    const b = createBooking(db, bookingInput(jarvenpaa, { partySize: 2 }));
    vi.setSystemTime(NOW);
    if (!b.ok) throw new Error(b.error);
    jpBooking = b.bookingId;
    expect(checkIn(db, jpHost, jarvenpaa, jpBooking)).toEqual({ ok: true });
    const issued = issueVisitorCode(db, jpHost, jarvenpaa, "jp-door-key");
    if (!issued.ok) throw new Error(issued.error);
    jpCode = issued.code;
  });

  it("a key used at Järvenpää's door gives Tikkurila a new code of its own, never Järvenpää's", () => {
    const r = issueVisitorCode(db, mine, sessionId, "jp-door-key");
    expect(r.ok).toBe(true);
    expect(r.ok && r.code).not.toBe(jpCode);
    expect(db.select().from(visits).where(eq(visits.sessionId, jarvenpaa)).all()).toHaveLength(3); // untouched
  });

  it("refuses keys only the server forms, and changes nothing", () => {
    const before = snapshot();
    const seatKey = `booking:${jpBooking}:${jarvenpaa}:0`;
    expect(issueVisitorCode(db, mine, sessionId, seatKey)).toEqual({ ok: false, error: "invalid" });
    expect(recordWalkIn(db, mine, tap(seatKey))).toEqual({ ok: false, error: "invalid" });
    expect(undoTap(db, mine, sessionId, seatKey)).toEqual({ ok: false, error: "invalid" });
    expect(recordReturningCode(db, mine, sessionId, jpCode, seatKey)).toEqual({ ok: false, error: "invalid" });
    // Acting on Järvenpää's session itself is refused outright.
    expect(issueVisitorCode(db, mine, jarvenpaa, "jp-door-key")).toEqual({ ok: false, error: "forbidden" });
    expect(undoCheckIn(db, mine, jarvenpaa, jpBooking)).toEqual({ ok: false, error: "forbidden" });
    expect(checkIn(db, mine, sessionId, jpBooking)).toEqual({ ok: false, error: "notBooked" });
    expect(snapshot()).toEqual(before);
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

describe("the room", () => {
  // A drop-in without booking in a room of 30 (the default): 30 walk-ins of any kind, then the door says no.
  let dropIn: number;
  beforeEach(() => {
    dropIn = addSession(db, { placeId: addPlace(db, "room").id, kind: "drop_in", capacity: null, startsAt: new Date(NOW.getTime() - HOUR) }).id;
    assign(db, dropIn, mine.id);
  });
  const walkIn = (key: string, kind: "parent" | "professional" | "other" = "parent", actor = mine, now = new Date()) =>
    recordWalkIn(db, actor, { sessionId: dropIn, clientKey: key, kind, firstTime: kind === "parent" ? true : null }, now);

  it("refuses the 31st walk-in in a 30-person room's drop-in, and a code past it, changing nothing", () => {
    const kinds = ["parent", "professional", "other"] as const;
    for (let i = 0; i < 30; i++) expect(walkIn(`w${i}`, kinds[i % 3])).toEqual({ ok: true });
    const before = snapshot();
    expect(walkIn("w30", "other")).toEqual({ ok: false, error: "roomFull" });
    expect(issueVisitorCode(db, mine, dropIn, "code-30")).toEqual({ ok: false, error: "roomFull" });
    expect(snapshot()).toEqual(before);
    expect(tally(db, dropIn).total).toBe(30);
    // A tap sent again counts once and is no new walk-in; an undo makes room for one more.
    expect(walkIn("w29")).toEqual({ ok: true });
    expect(undoTap(db, mine, dropIn, "w0")).toEqual({ ok: true });
    expect(walkIn("w30")).toEqual({ ok: true });
    expect(walkIn("w31")).toEqual({ ok: false, error: "roomFull" });
  });

  it("takes the room's size plus the session's seats, and a planner's correction of a past day past it, audited", () => {
    // A session of 10 seats in the same room of 30: 40 walk-ins.
    for (let i = 0; i < 40; i++) expect(recordWalkIn(db, mine, tap(`s${i}`)).ok).toBe(true);
    expect(recordWalkIn(db, mine, tap("s40"))).toEqual({ ok: false, error: "roomFull" });
    for (let i = 0; i < 30; i++) walkIn(`w${i}`);
    const tomorrow = helsinki(3, 9);
    expect(walkIn("fix", "parent", planner, tomorrow)).toEqual({ ok: true });
    expect(db.select({ action: auditLog.action, id: auditLog.subjectId, detail: auditLog.detail }).from(auditLog).all()).toEqual([
      { action: "door.correct", id: String(dropIn), detail: { day: "2026-12-02", changes: 1, parents: 1 } },
    ]);
  });
});

describe("the session's own day", () => {
  it("refuses taps, check-ins and closing nine days early, and changes nothing", () => {
    const early = addSession(db, { placeId: addPlace(db, "early").id, startsAt: new Date(NOW.getTime() + 9 * 86_400_000) }).id;
    assign(db, early, mine.id);
    const b = createBooking(db, bookingInput(early));
    if (!b.ok) throw new Error(b.error);
    const before = snapshot();
    expect(checkIn(db, mine, early, b.bookingId)).toEqual({ ok: false, error: "notYet" });
    expect(checkIn(db, planner, early, b.bookingId)).toEqual({ ok: false, error: "notYet" });
    expect(recordWalkIn(db, mine, { ...tap("e"), sessionId: early })).toEqual({ ok: false, error: "notYet" });
    expect(closeSession(db, mine, early, null)).toEqual({ ok: false, error: "notYet" });
    expect(snapshot()).toEqual(before);
    // An hour before the start the door opens.
    expect(recordWalkIn(db, mine, { ...tap("e"), sessionId: early }, new Date(NOW.getTime() + 9 * 86_400_000 - HOUR))).toEqual({ ok: true });
  });

  it("after the day, the facilitator may only close; a planner's correction is audited", () => {
    const tomorrow = helsinki(3, 9);
    expect(recordWalkIn(db, mine, tap("late"), tomorrow)).toEqual({ ok: false, error: "dayOver" });
    expect(markNoShows(db, mine, sessionId, tomorrow)).toEqual({ ok: false, error: "dayOver" });
    expect(db.select().from(auditLog).all()).toEqual([]);

    expect(recordWalkIn(db, planner, tap("fix"), tomorrow)).toEqual({ ok: true });
    expect(db.select({ actor: auditLog.actorId, action: auditLog.action, id: auditLog.subjectId }).from(auditLog).all()).toEqual([
      { actor: planner.id, action: "door.correct", id: String(sessionId) },
    ]);
    expect(closeSession(db, mine, sessionId, null, tomorrow).ok).toBe(true);
  });
});

describe("closing and reopening", () => {
  it("lets only a planner reopen a closed session, audited; closing again invites nobody twice", () => {
    const placeId = addPlace(db, "evening").id;
    const evening = addSession(db, { placeId, startsAt: new Date(NOW.getTime() - 3 * HOUR) }).id;
    assign(db, evening, mine.id);
    vi.setSystemTime(new Date(NOW.getTime() - 86_400_000));
    createBooking(db, bookingInput(evening, { email: "parent@example.com" }));
    vi.setSystemTime(NOW);
    const invites = () => db.select().from(outbox).where(eq(outbox.kind, "feedback_invite")).all().length;

    expect(reopenSession(db, planner, evening)).toEqual({ ok: false, error: "notClosed" });
    const first = closeSession(db, mine, evening, "Good evening.");
    expect(first.ok).toBe(true);
    expect(invites()).toBe(1);

    const before = snapshot();
    expect(reopenSession(db, mine, evening)).toEqual({ ok: false, error: "forbidden" });
    expect(reopenSession(db, null, evening)).toEqual({ ok: false, error: "forbidden" });
    expect(snapshot()).toEqual(before);

    expect(reopenSession(db, planner, evening)).toEqual({ ok: true });
    expect(db.select().from(sessions).where(eq(sessions.id, evening)).get()!.closedAt).toBeNull();
    expect(db.select({ action: auditLog.action, actor: auditLog.actorId }).from(auditLog).all()).toContainEqual({ action: "session.reopen", actor: planner.id });
    expect(recordWalkIn(db, planner, { ...tap("after"), sessionId: evening }).ok).toBe(true);
    const again = closeSession(db, planner, evening, "Good evening, corrected.");
    expect(again).toEqual(first);
    expect(invites()).toBe(1);
  });
});

describe("visitor codes", () => {
  it("gives a first-time parent a code, counts it again at a later visit, once per session", () => {
    const first = issueVisitorCode(db, mine, sessionId, "issue-1");
    expect(first.ok).toBe(true);
    const code = first.ok ? first.code : "";
    expect(issueVisitorCode(db, mine, sessionId, "issue-1")).toEqual({ ok: true, code, replacedTap: false }); // retried: same code

    const later = addSession(db, { placeId: addPlace(db, "later").id, kind: "drop_in", capacity: null, startsAt: helsinki(9, 10) }).id;
    assign(db, later, mine.id);
    vi.setSystemTime(helsinki(9, 11));
    expect(recordReturningCode(db, mine, later, code.toLowerCase().replaceAll("-", " "), "ret-1")).toEqual({ ok: true, code, replacedTap: false });
    expect(recordReturningCode(db, mine, later, code, "ret-2")).toEqual({ ok: false, error: "alreadyCounted" });
    expect(recordReturningCode(db, mine, later, code, "ret-1")).toEqual({ ok: true, code, replacedTap: false }); // the same tap, retried
    expect(recordReturningCode(db, mine, later, "ZZZ-9999-ZZZ", "ret-3")).toEqual({ ok: false, error: "unknownCode" });

    const rows = db.select().from(visits).where(eq(visits.visitorCode, code)).all();
    expect(rows.map((r) => [r.sessionId, r.firstTime])).toEqual([
      [sessionId, true],
      [later, false],
    ]);
  });

  it("turns the 'first time' tap just made into the coded visit: one person, one visit", () => {
    recordWalkIn(db, mine, tap("t1", "parent", true));
    const issued = issueVisitorCode(db, mine, sessionId, "c1", "t1");
    expect(issued).toMatchObject({ ok: true, replacedTap: true });
    expect(issueVisitorCode(db, mine, sessionId, "c1", "t1")).toMatchObject({ ok: true, code: issued.ok && issued.code }); // retried
    expect(tally(db, sessionId)).toMatchObject({ firstTime: 0, newCodes: 1, total: 1 });
    // Undoing the tap (under the key it now has) takes the coded visit back.
    undoTap(db, mine, sessionId, "c1");
    expect(tally(db, sessionId).total).toBe(0);
  });

  it("turns a 'been before' tap into the returning code's visit, and never converts another kind", () => {
    const code = issueVisitorCode(db, planner, sessionId, "given");
    if (!code.ok) throw new Error(code.error);
    const later = addSession(db, { placeId: addPlace(db, "later").id, kind: "drop_in", capacity: null, startsAt: new Date(NOW.getTime() + HOUR) }).id;
    assign(db, later, mine.id);
    recordWalkIn(db, mine, { ...tap("pro", "professional", null), sessionId: later });
    recordWalkIn(db, mine, { ...tap("been", "parent", false), sessionId: later });
    expect(recordReturningCode(db, mine, later, code.code, "r1", "pro")).toMatchObject({ ok: true, replacedTap: false });
    expect(tally(db, later)).toMatchObject({ professional: 1, returning: 1, codes: 1, total: 3 });
    undoTap(db, mine, later, "r1");
    expect(recordReturningCode(db, mine, later, code.code, "r2", "been")).toMatchObject({ ok: true, replacedTap: true });
    expect(tally(db, later)).toMatchObject({ professional: 1, returning: 0, codes: 1, total: 2 });
  });
});

describe("bookings at the door", () => {
  const bookEarlier = (sessionId: number, o: Record<string, unknown> = {}) => {
    vi.setSystemTime(new Date(NOW.getTime() - 3 * 86_400_000));
    const b = createBooking(db, bookingInput(sessionId, o));
    vi.setSystemTime(NOW);
    if (!b.ok) throw new Error(b.error);
    return b;
  };

  it("checks a party in as one visit per seat, under the parent's code, and undoes it", () => {
    const placeId = addPlace(db, "evening").id;
    const evening = addSession(db, { placeId, capacity: 10, startsAt: new Date(NOW.getTime() + HOUR) }).id;
    assign(db, evening, mine.id);
    const b = bookEarlier(evening, { partySize: 3 });

    expect(checkIn(db, mine, evening, b.bookingId)).toEqual({ ok: true });
    expect(checkIn(db, mine, evening, b.bookingId)).toEqual({ ok: true }); // twice changes nothing
    expect(tally(db, evening)).toMatchObject({ booked: 3, total: 3 });
    expect(undoCheckIn(db, mine, evening, b.bookingId)).toEqual({ ok: true });
    expect(tally(db, evening).total).toBe(0);
    expect(checkIn(db, mine, sessionId, b.bookingId)).toEqual({ ok: false, error: "notBooked" });
  });

  it("checks in a group's booking meeting by meeting", () => {
    const { sessionIds } = addGroup(db, addPlace(db, "group").id, 10, 3, new Date(NOW.getTime() + HOUR));
    for (const id of sessionIds) assign(db, id, mine.id);
    const b = bookEarlier(sessionIds[0]!);
    vi.setSystemTime(new Date(NOW.getTime() + 7 * 86_400_000));
    expect(checkIn(db, mine, sessionIds[1]!, b.bookingId)).toEqual({ ok: true });
    expect(tally(db, sessionIds[1]!).booked).toBe(1);
    expect(tally(db, sessionIds[0]!).booked).toBe(0);
  });

  it("marks the unmarked bookings no-show only at or after the end", () => {
    const placeId = addPlace(db, "noshow").id;
    const start = new Date(NOW.getTime() + HOUR);
    const evening = addSession(db, { placeId, capacity: 10, startsAt: start }).id;
    assign(db, evening, mine.id);
    const came = bookEarlier(evening);
    const absent = bookEarlier(evening);
    checkIn(db, mine, evening, came.bookingId);
    expect(markNoShows(db, mine, evening, new Date())).toEqual({ ok: false, error: "tooEarly" });
    const end = new Date(start.getTime() + 2 * HOUR);
    expect(markNoShows(db, mine, evening, end)).toEqual({ ok: true, marked: 1 });
    const rows = db.select().from(attendance).where(eq(attendance.sessionId, evening)).all();
    expect(rows.map((r) => [r.bookingId, r.status]).sort()).toEqual([
      [came.bookingId, "attended"],
      [absent.bookingId, "no_show"],
    ]);
  });
});
