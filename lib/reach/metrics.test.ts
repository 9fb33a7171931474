import { beforeAll, describe, expect, it } from "vitest";
import { TZDate } from "@date-fns/tz";
import { eq } from "drizzle-orm";
import type { DB } from "@/db/client";
import { bookings, feedbackResponses, places, sessions, visitorCodes } from "@/db/schema";
import type { Actor } from "@/lib/auth/staff";
import { createBooking } from "@/lib/booking/writes";
import { checkIn, issueVisitorCode, markNoShows, recordReturningCode, recordWalkIn } from "@/lib/attendance/writes";
import { addCounty, addGroup, addPlace, addSession, addStaff, bookingInput, testDb } from "@/lib/test/db";
import { reachReport } from "./access";
import { computeReach, parentsReached } from "./metrics";
import { noFilters, type Filters } from "./query";
import { refreshReach } from "./refresh";
import { parseDay } from "@/lib/i18n/time";

// Hand-computed figures for March 2026 in Helsinki. The clocks went forward on
// Sunday 29 March at 03:00; the tests run in Los Angeles time (vitest.config.mts).
const at = (m: number, d: number, h: number, min = 0) => new Date(new TZDate(2026, m - 1, d, h, min, 0, "Europe/Helsinki").getTime());
const range = (from: string, to: string) => ({ from: parseDay(from)!, to: parseDay(to)! });
const MARCH = range("2026-03-01", "2026-03-31");
const NOW = at(4, 15, 12);

let db: DB;
let planner: Actor;
let A: number; // Tikkurila, county Vantaa
let B: number; // Järvenpää, county Keski-Uusimaa
let VANTAA: number;
let KESKI: number;
let X: string; // a code first given in February
let Y: string; // a code first given on 3 March
const Z = "KTM-4783-PXW"; // a code a parent brought to their group booking
let key = 0;
const k = () => `k${++key}`;

function walkIn(sessionId: number, kind: "parent" | "professional" | "other", firstTime: boolean | null = null, n = 1) {
  for (let i = 0; i < n; i++) expect(recordWalkIn(db, planner, { sessionId, clientKey: k(), kind, firstTime }).ok).toBe(true);
}
function code(sessionId: number, c: string) {
  expect(recordReturningCode(db, planner, sessionId, c, k())).toMatchObject({ ok: true, code: c });
}
function newCode(sessionId: number): string {
  const r = issueVisitorCode(db, planner, sessionId, k());
  if (!r.ok) throw new Error(r.error);
  return r.code;
}
function book(sessionId: number, partySize: number, visitorCode: string | null = null): number {
  const r = createBooking(db, { ...bookingInput(sessionId, { partySize, visitorCode }), locale: "fi" }, at(2, 1, 12));
  if (!r.ok) throw new Error(r.error);
  return db.select({ id: bookings.id }).from(bookings).orderBy(bookings.id).all().at(-1)!.id;
}
const dropIn = (placeId: number, startsAt: Date, o: Partial<typeof sessions.$inferInsert> = {}) =>
  addSession(db, { placeId, kind: "drop_in", capacity: null, startsAt, ...o }).id;



beforeAll(() => {
  db = testDb();
  planner = addStaff(db, "planner");
  A = addPlace(db, "tikkurila").id;
  B = addPlace(db, "jarvenpaa").id;
  KESKI = addCounty(db, "Keski-Uusimaa").id;
  VANTAA = db.select({ countyId: places.countyId }).from(places).where(eq(places.id, A)).get()!.countyId!;
  db.update(places).set({ countyId: KESKI }).where(eq(places.id, B)).run();

  // February, before the period: X is given a code, and an anonymous first-timer.
  const S5 = dropIn(A, at(2, 24, 10));
  X = newCode(S5);
  walkIn(S5, "parent", true);

  const S1 = dropIn(A, at(3, 3, 10));
  code(S1, X);
  walkIn(S1, "parent", true, 2);
  walkIn(S1, "parent", false);
  walkIn(S1, "professional");
  Y = newCode(S1);

  const S2 = dropIn(A, at(3, 10, 10));
  code(S2, Y);
  code(S2, X);
  walkIn(S2, "parent", false);
  walkIn(S2, "parent", null);
  walkIn(S2, "professional", null, 2);

  const S3 = dropIn(B, at(3, 12, 10));
  code(S3, Y);
  walkIn(S3, "parent", true);
  walkIn(S3, "other");

  // An info evening with capacity 10: a party of three, X with their code, a
  // no-show party of two, a cancelled and a waitlisted booking, and a walk-in.
  const S4 = addSession(db, { placeId: B, kind: "info_evening", capacity: 10, startsAt: at(3, 19, 18) }).id;
  const b1 = book(S4, 3);
  const b2 = book(S4, 1, X);
  book(S4, 2);
  const cancelled = book(S4, 2);
  db.update(bookings).set({ status: "cancelled", cancelledAt: at(3, 1, 12) }).where(eq(bookings.id, cancelled)).run();
  const waiting = book(S4, 1);
  db.update(bookings).set({ status: "waitlisted" }).where(eq(bookings.id, waiting)).run();
  expect(checkIn(db, planner, S4, b1).ok).toBe(true);
  expect(checkIn(db, planner, S4, b2).ok).toBe(true);
  walkIn(S4, "parent", true);
  expect(markNoShows(db, planner, S4, at(3, 19, 21))).toEqual({ ok: true, marked: 1 });

  // A group of two meetings, capacity 8: a pair without a code comes to both; Z comes to the first only.
  db.insert(visitorCodes).values({ code: Z }).run();
  const { group, sessionIds } = addGroup(db, A, 8, 2, at(3, 17, 17));
  const [G1, G2] = sessionIds as [number, number];
  const g1 = book(G1, 2);
  const g2 = book(G1, 1, Z);
  expect(db.select().from(bookings).where(eq(bookings.id, g1)).get()!.groupId).toBe(group.id);
  expect(checkIn(db, planner, G1, g1).ok).toBe(true);
  expect(checkIn(db, planner, G1, g2).ok).toBe(true);
  expect(markNoShows(db, planner, G1, at(3, 17, 20))).toEqual({ ok: true, marked: 0 });
  expect(checkIn(db, planner, G2, g1).ok).toBe(true);
  expect(markNoShows(db, planner, G2, at(3, 24, 20))).toEqual({ ok: true, marked: 1 });

  // A cancelled drop-in: never held.
  dropIn(A, at(3, 24, 10), { status: "cancelled" });

  // Around the change to summer time and the month's end.
  const S6 = dropIn(A, at(3, 29, 0, 30)); // 22:30 UTC on 28 March
  walkIn(S6, "parent", true);
  const S7 = dropIn(A, at(3, 31, 23, 30)); // 20:30 UTC on 31 March
  code(S7, X);
  const S8 = dropIn(A, at(4, 1, 0, 30)); // 21:30 UTC on 31 March, but 1 April in Helsinki
  code(S8, Y);
  walkIn(S8, "parent", true);

  // Feedback: three answers to S1, one to S4.
  const answers = [
    { sessionId: S1, rating: 4, gotInformation: "yes", lessAlone: "yes", wouldReturn: "yes" },
    { sessionId: S1, rating: 3, gotInformation: "no", lessAlone: "yes", wouldReturn: "yes" },
    { sessionId: S1, rating: null, gotInformation: null, lessAlone: "cant_say", wouldReturn: "yes" },
    { sessionId: S4, rating: 4, gotInformation: "yes", lessAlone: null, wouldReturn: null },
  ] as const;
  answers.forEach((a, i) => db.insert(feedbackResponses).values({ ...a, locale: "fi", deviceHash: `d${i}` }).run());
  refreshReach(db);
});

const reach = (r = MARCH, filters: Filters = noFilters) => computeReach(db, { range: r, filters, now: NOW });

describe("headline figures for March 2026", () => {
  it("counts visits, people and sessions as defined", () => {
    const { current, hasData } = reach();
    expect(hasData).toBe(true);
    expect(current).toMatchObject({
      // S1 6 + S2 6 + S3 3 + S4 5 + G1 3 + G2 2 + S6 1 + S7 1
      visits: 27,
      // anonymous first-timers 5 (S1 2, S3, S4, S6) + X, Y, Z + three seats of b1 + two of g1
      parentsReached: 13,
      // X was first seen in February: not new. Y, Z, b1's three and g1's two are.
      newParents: 12,
      // S1 S2 S3 S4 G1 G2 S6 S7; the cancelled drop-in is not held
      sessionsHeld: 8,
      professionals: 3,
      // S4's 10 + the group's 8 at each meeting; drop-ins have no capacity
      capacitySeats: 26,
      visitsAtCapacity: 10,
      // b1 b2 b3 at S4, g1 g2 at G1 and G2; the cancelled and the waitlisted never count
      confirmedBookings: 7,
      noShows: 2,
    });
    expect(current.averageAttendance).toBeCloseTo(27 / 8);
    expect(current.fillRate).toBeCloseTo(10 / 26);
    expect(current.noShowRate).toBeCloseTo(2 / 7);
    expect(parentsReached(db, MARCH, noFilters)).toBe(13);
    expect(parentsReached(db, MARCH, { ...noFilters, placeId: B })).toBe(7);
  });

  it("compares with the 31 days before (29 January to 28 February)", () => {
    const r = reach();
    expect(r.previousRange).toEqual(range("2026-01-29", "2026-02-28"));
    expect(r.previousHasData).toBe(true);
    expect(r.previous).toMatchObject({ visits: 2, parentsReached: 2, newParents: 2, sessionsHeld: 1, professionals: 0 });
    expect(r.previous.fillRate).toBeNull();
    expect(r.previous.noShowRate).toBeNull();
  });

  it("splits parents' visits into first-time, returning and not asked", () => {
    // first: 5 anonymous + Y, Z, b1 ×3, g1 ×2 at their first meeting;
    // returning: 2 "been before" + X ×4 (S1 S2 S4 S7), Y ×2 (S2 S3), g1 ×2 at G2; not asked: 1
    expect(reach().arrivals).toEqual({ firstTime: 12, returning: 10, notAsked: 1 });
  });

  it("gives the feedback figures", () => {
    const f = reach().feedback;
    expect(f.responses).toBe(4);
    // Over the parents asked: the 23 parents' visits (not the 27 visits: professionals and others are not asked).
    expect(f.asked).toBe(23);
    expect(f.responseRate).toBeCloseTo(4 / 23);
    expect(f.ratings).toEqual([0, 0, 1, 2]);
    expect(f.meanRating).toBeCloseTo(11 / 3);
    expect(f.gotInformation).toEqual({ yes: 2, answered: 3, share: 2 / 3 });
    expect(f.lessAlone).toEqual({ yes: 2, answered: 3, share: 2 / 3 });
    expect(f.wouldReturn).toEqual({ yes: 3, answered: 3, share: 1 });
  });
});

describe("series and breakdowns", () => {
  it("goes by ISO week in a month, cut to the period", () => {
    const r = reach();
    expect(r.unit).toBe("week");
    expect(r.series.map((b) => [b.from, b.to])).toEqual(
      [
        ["2026-03-01", "2026-03-01"],
        ["2026-03-02", "2026-03-08"],
        ["2026-03-09", "2026-03-15"],
        ["2026-03-16", "2026-03-22"],
        ["2026-03-23", "2026-03-29"],
        ["2026-03-30", "2026-03-31"],
      ].map(([a, b]) => [parseDay(a), parseDay(b)]),
    );
    expect(r.series.map((b) => b.visits)).toEqual([0, 6, 9, 8, 3, 1]);
    // A parent counts once per week: X and Y came twice in the week of 9 March.
    expect(r.series.map((b) => b.parentsReached)).toEqual([0, 4, 3, 8, 3, 1]);
    expect(r.series.map((b) => b.newParents)).toEqual([0, 3, 1, 7, 1, 0]);
  });

  it("goes by month for a longer period", () => {
    const r = reach(range("2026-02-01", "2026-04-30"));
    expect(r.unit).toBe("month");
    // April has S8 only (Y again, one anonymous first-timer).
    expect(r.series.map((b) => [b.visits, b.parentsReached, b.newParents])).toEqual([
      [2, 2, 2],
      [27, 13, 12],
      [2, 2, 1],
    ]);
    // Each counts once over the three months: anonymous first-timers 1 in February, 5 in March, 1 in April,
    // + X, Y, Z + five booking seats; every one of them came for the first time in these months.
    expect(r.current.parentsReached).toBe(15);
    expect(r.current.newParents).toBe(15);
  });

  it("breaks down by place and by kind", () => {
    const r = reach();
    expect(r.byPlace).toEqual([
      { placeId: A, sessionsHeld: 6, visits: 19, parentsReached: 8, newParents: 7 },
      { placeId: B, sessionsHeld: 2, visits: 8, parentsReached: 7, newParents: 5 },
    ]);
    expect(r.byKind).toEqual([
      { kind: "drop_in", sessionsHeld: 5, visits: 17, parentsReached: 6, newParents: 5 },
      { kind: "group", sessionsHeld: 2, visits: 5, parentsReached: 3, newParents: 3 },
      { kind: "info_evening", sessionsHeld: 1, visits: 5, parentsReached: 5, newParents: 4 },
    ].sort((a, b) => b.visits - a.visits || a.kind.localeCompare(b.kind)));
  });

  it("applies the filters, a parent counting once within them", () => {
    expect(reach(MARCH, { ...noFilters, placeId: B }).current).toMatchObject({ visits: 8, parentsReached: 7, newParents: 5, sessionsHeld: 2 });
    // Tikkurila's drop-ins via the county: S1 S2 S6 S7. X and Y, and three anonymous first-timers.
    const vantaaDropIns = reach(MARCH, { placeId: null, kind: "drop_in", county: VANTAA });
    expect(vantaaDropIns.current).toMatchObject({ visits: 14, parentsReached: 5, newParents: 4, sessionsHeld: 4, professionals: 3 });
    expect(vantaaDropIns.byPlace).toEqual([{ placeId: A, sessionsHeld: 4, visits: 14, parentsReached: 5, newParents: 4 }]);
    expect(reach(MARCH, { ...noFilters, county: KESKI, kind: "group" }).hasData).toBe(false);
  });
});

describe("days in Helsinki, whatever the server's time zone", () => {
  it("puts a session just after midnight on the night the clocks change on its Helsinki day", () => {
    expect(reach(range("2026-03-28", "2026-03-28")).hasData).toBe(false);
    expect(reach(range("2026-03-29", "2026-03-29")).current).toMatchObject({ visits: 1, parentsReached: 1, sessionsHeld: 1 });
  });

  it("keeps 31 March 23:30 in March and 1 April 00:30 in April", () => {
    expect(reach(range("2026-03-31", "2026-03-31")).current).toMatchObject({ visits: 1, parentsReached: 1, newParents: 0 });
    expect(reach(range("2026-04-01", "2026-04-01")).current).toMatchObject({ visits: 2, parentsReached: 2, newParents: 1 });
  });

  it("has no data, rather than zeros, for a period without sessions", () => {
    const r = reach(range("2025-01-01", "2025-01-31"));
    expect(r.hasData).toBe(false);
    expect(r.current.averageAttendance).toBeNull();
    expect(r.feedback.meanRating).toBeNull();
    expect(r.feedback.responseRate).toBeNull();
  });
});

describe("the summaries follow changes, read through the gate", () => {
  it("recounts when a visit is added before a parent's first one, and when a session is cancelled", () => {
    const fresh = testDb();
    const actor = addStaff(fresh, "planner");
    const place = addPlace(fresh).id;
    const later = addSession(fresh, { placeId: place, kind: "drop_in", capacity: null, startsAt: at(3, 10, 10) }).id;
    const r1 = issueVisitorCode(fresh, actor, later, "a");
    if (!r1.ok) throw new Error();
    const march = () => {
      const r = reachReport(fresh, actor, { period: "custom", from: "2026-03-01", to: "2026-03-31" }, { now: NOW });
      if (!r.ok) throw new Error(r.error);
      return r.report.reach.current;
    };
    expect(march()).toMatchObject({ parentsReached: 1, newParents: 1 });
    // The same code, at an earlier session in February (recorded late): no longer new in March.
    const earlier = addSession(fresh, { placeId: place, kind: "drop_in", capacity: null, startsAt: at(2, 20, 10) }).id;
    expect(recordReturningCode(fresh, actor, earlier, r1.code, "b").ok).toBe(true);
    expect(march()).toMatchObject({ parentsReached: 1, newParents: 0 });
    // The session moves into March: both visits in the period, the person still once and new again.
    fresh.update(sessions).set({ startsAt: at(3, 2, 10), endsAt: at(3, 2, 12) }).where(eq(sessions.id, earlier)).run();
    expect(march()).toMatchObject({ visits: 2, parentsReached: 1, newParents: 1, sessionsHeld: 2 });
    fresh.update(sessions).set({ status: "cancelled" }).where(eq(sessions.id, later)).run();
    expect(march()).toMatchObject({ sessionsHeld: 1 });
  });
});

