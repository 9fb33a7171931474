import { describe, expect, it } from "vitest";
import { sqliteOf } from "./sqlite";
import { eq } from "drizzle-orm";
import type { DB } from "@/db/client";
import { attendance, bookings, places, referralChannels, visitorCodes, visits } from "@/db/schema";
import { addCounty, addPlace, addSession, testDb } from "@/lib/test/db";
import { computeReach } from "./metrics";
import { channelKeys } from "@/lib/referrals/channels";
import type { Filters } from "./query";
import { buckets, bucketUnitFor, utcBounds, type Range } from "./period";
import { refreshReach } from "./refresh";

// The summaries against the definitions computed the plain way from the base
// tables, on random data: every period and filter must give the same figures.

function random(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
}

function build(db: DB, rnd: () => number) {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const placeIds = [addPlace(db, "p1").id, addPlace(db, "p2").id, addPlace(db, "p3").id];
  // The first place made the county "Vantaa" (id 1); the third place is in another.
  expect(addCounty(db, "Other").id).toBe(OTHER);
  db.update(places).set({ countyId: OTHER }).where(eqId(placeIds[2]!)).run();
  const codes = Array.from({ length: 12 }, (_, i) => `AAA-${300 + i}`);
  for (const code of codes) db.insert(visitorCodes).values({ code }).run();
  let key = 0;
  const base = Date.UTC(2026, 0, 1);
  for (let s = 0; s < 60; s++) {
    const startsAt = new Date(base + Math.floor(rnd() * 150 * 86_400_000));
    const kind = pick(["drop_in", "drop_in", "info_evening", "group"] as const);
    const id = addSession(db, {
      placeId: pick(placeIds),
      kind,
      capacity: kind === "drop_in" ? null : 6,
      startsAt,
      status: rnd() < 0.05 ? "cancelled" : "scheduled",
      // Closing counted parents not asked for feedback (answered recently).
      feedbackNotAsked: rnd() < 0.3 ? 1 : null,
    }).id;
    for (let v = Math.floor(rnd() * 6); v > 0; v--) {
      const r = rnd();
      const kindOf = r < 0.15 ? "professional" : r < 0.2 ? "other" : "parent";
      const withCode = kindOf === "parent" && rnd() < 0.4;
      db.insert(visits)
        .values({
          sessionId: id,
          kind: kindOf,
          source: withCode ? "code" : "walk_in",
          firstTime: kindOf === "parent" && !withCode ? pick([true, false, null]) : null,
          visitorCode: withCode ? pick(codes) : null,
          // Any visit may carry a channel: only a new parent's first visit counts it.
          heardFrom: rnd() < 0.5 ? pick(referralChannels) : null,
          clientKey: `r${++key}`,
        })
        .onConflictDoNothing()
        .run();
    }
    if (kind !== "drop_in") {
      for (let b = Math.floor(rnd() * 3); b > 0; b--) {
        const party = 1 + Math.floor(rnd() * 3);
        const status = pick(["confirmed", "confirmed", "confirmed", "waitlisted", "cancelled"] as const);
        const code = rnd() < 0.3 ? pick(codes) : null;
        const heardFrom = rnd() < 0.5 ? pick(referralChannels) : null;
        const booking = db
          .insert(bookings)
          .values({ sessionId: id, code: `B${++key}`, tokenHash: `h${key}`, partySize: party, locale: "fi", status, visitorCode: code })
          .returning()
          .get();
        if (status !== "confirmed") continue;
        const came = rnd() < 0.7;
        db.insert(attendance).values({ bookingId: booking.id, sessionId: id, status: came ? "attended" : "no_show" }).run();
        if (!came) continue;
        for (let seat = 0; seat < party; seat++) {
          db.insert(visits)
            .values({ sessionId: id, kind: "parent", source: "booking", visitorCode: seat === 0 ? code : null, bookingId: booking.id, heardFrom, clientKey: `booking:${booking.id}:${id}:${seat}` })
            .onConflictDoNothing()
            .run();
        }
      }
    }
  }
  return placeIds;
}

const eqId = (id: number) => eq(places.id, id);
/** The id of the county "Other" that build() makes. */
const OTHER = 2;

/** The definitions, the plain way: every visit, every time. */
function reference(db: DB, range: Range, f: Filters, now: number) {
  const ss = sqliteOf(db)
    .prepare("SELECT s.id, s.place_id AS placeId, p.county_id AS county, s.kind, s.status, s.starts_at AS startsAt, s.capacity, COALESCE(s.feedback_not_asked, 0) AS notAsked FROM sessions s JOIN places p ON p.id = s.place_id")
    .all() as {
    notAsked: number;
    id: number;
    placeId: number;
    county: number;
    kind: string;
    status: string;
    startsAt: number;
    capacity: number | null;
  }[];
  const vs = sqliteOf(db).prepare("SELECT * FROM visits ORDER BY id").all() as {
    id: number;
    session_id: number;
    kind: string;
    first_time: number | null;
    visitor_code: string | null;
    booking_id: number | null;
    client_key: string;
    heard_from: string | null;
  }[];
  const byId = new Map(ss.map((s) => [s.id, s]));
  const { start, end } = utcBounds(range);
  const inRange = (s: { startsAt: number }) => s.startsAt >= start.getTime() && s.startsAt < end.getTime();
  const matches = (s: { placeId: number; kind: string; county: number }) =>
    (f.placeId === null || s.placeId === f.placeId) && (f.kind === null || s.kind === f.kind) && (f.county === null || s.county === f.county);
  const person = (v: (typeof vs)[number]) =>
    v.kind !== "parent" ? null : v.visitor_code ? `c${v.visitor_code}` : v.booking_id ? `b${v.booking_id}:${v.client_key.split(":")[3]}` : v.first_time === 1 ? `w${v.id}` : null;
  const firstOf = new Map<string, { startsAt: number; id: number }>();
  for (const v of vs) {
    const p = person(v);
    const s = byId.get(v.session_id)!;
    const cur = p && firstOf.get(p);
    if (p && (!cur || s.startsAt < cur.startsAt || (s.startsAt === cur.startsAt && v.id < cur.id))) firstOf.set(p, { startsAt: s.startsAt, id: v.id });
  }
  const mine = vs.filter((v) => inRange(byId.get(v.session_id)!) && matches(byId.get(v.session_id)!));
  const reached = new Set(mine.map(person).filter(Boolean));
  const fresh = mine.filter((v) => person(v) && firstOf.get(person(v)!)!.id === v.id);
  const held = ss.filter((s) => inRange(s) && matches(s) && s.status === "scheduled" && (s.startsAt <= now || vs.some((v) => v.session_id === s.id)));
  const seriesReached = buckets(range, bucketUnitFor(range)).map((b) => {
    const { start: bs, end: be } = utcBounds(b);
    return new Set(mine.filter((v) => byId.get(v.session_id)!.startsAt >= bs.getTime() && byId.get(v.session_id)!.startsAt < be.getTime()).map(person).filter(Boolean)).size;
  });
  const reachedBy = (key: "placeId" | "kind") => {
    const m = new Map<unknown, Set<string>>();
    for (const v of mine) {
      const p = person(v);
      const g = byId.get(v.session_id)![key];
      if (p) (m.get(g) ?? m.set(g, new Set()).get(g)!).add(p);
    }
    return Object.fromEntries([...m].map(([g, set]) => [String(g), set.size]));
  };
  const notAsked = ss.filter((s) => inRange(s) && matches(s)).reduce((n, s) => n + s.notAsked, 0);
  const asked = Math.max(0, mine.filter((v) => v.kind === "parent").length - notAsked);
  const newByChannel = Object.fromEntries(channelKeys.map((k) => [k, fresh.filter((v) => (v.heard_from ?? "untold") === k).length]));
  return { asked, newByChannel, visits: mine.length, parentsReached: reached.size, newParents: fresh.length, sessionsHeld: held.length, seriesReached, byPlace: reachedBy("placeId"), byKind: reachedBy("kind") };
}

describe("the reach summaries agree with the definitions computed from the base tables", () => {
  it("for random data, periods and filters", () => {
    const db = testDb();
    const rnd = random(42);
    const placeIds = build(db, rnd);
    refreshReach(db);
    const now = Date.UTC(2026, 3, 15);
    const day0 = Date.UTC(2026, 0, 1) / 86_400_000;
    for (let i = 0; i < 40; i++) {
      const a = day0 - 10 + Math.floor(rnd() * 170);
      const range = { from: a, to: a + Math.floor(rnd() * 120) };
      const filters: Filters = {
        placeId: rnd() < 0.3 ? placeIds[Math.floor(rnd() * 3)]! : null,
        kind: rnd() < 0.3 ? (["drop_in", "group", "info_evening"] as const)[Math.floor(rnd() * 3)]! : null,
        county: rnd() < 0.2 ? OTHER : null,
      };
      const got = computeReach(db, { range, filters, now: new Date(now) });
      const want = reference(db, range, filters, now);
      const label = JSON.stringify({ range, filters });
      expect({ visits: got.current.visits, parentsReached: got.current.parentsReached, newParents: got.current.newParents, sessionsHeld: got.current.sessionsHeld }, label).toEqual({
        visits: want.visits,
        parentsReached: want.parentsReached,
        newParents: want.newParents,
        sessionsHeld: want.sessionsHeld,
      });
      expect(got.series.map((b) => b.parentsReached), label).toEqual(want.seriesReached);
      expect(Object.fromEntries(got.byPlace.filter((p) => p.parentsReached > 0).map((p) => [String(p.placeId), p.parentsReached])), label).toEqual(want.byPlace);
      expect(Object.fromEntries(got.byKind.filter((p) => p.parentsReached > 0).map((p) => [p.kind, p.parentsReached])), label).toEqual(want.byKind);
      expect(got.newByChannel, label).toEqual(want.newByChannel);
      expect(got.feedback.asked, label).toBe(want.asked);
    }
  });

  it("and after changes: deleted taps, a moved session, a place moving county", () => {
    const db = testDb();
    const rnd = random(7);
    const placeIds = build(db, rnd);
    refreshReach(db);
    computeReach(db, { range: { from: 0, to: 30000 }, filters: { placeId: null, kind: null, county: null }, now: new Date() });
    sqliteOf(db).prepare("DELETE FROM visits WHERE id % 3 = 0 AND booking_id IS NULL").run();
    sqliteOf(db).prepare("UPDATE sessions SET starts_at = starts_at - 40 * 86400000, ends_at = ends_at - 40 * 86400000 WHERE id % 4 = 0").run();
    sqliteOf(db).prepare("UPDATE places SET county_id = ? WHERE id = ?").run(OTHER, placeIds[0]);
    refreshReach(db);
    const now = Date.UTC(2026, 3, 15);
    for (const filters of [
      { placeId: null, kind: null, county: null },
      { placeId: null, kind: null, county: OTHER },
      { placeId: null, kind: "drop_in" as const, county: OTHER },
    ]) {
      const range = { from: Date.UTC(2025, 11, 1) / 86_400_000, to: Date.UTC(2026, 4, 31) / 86_400_000 };
      const got = computeReach(db, { range, filters, now: new Date(now) });
      const want = reference(db, range, filters, now);
      expect([got.current.visits, got.current.parentsReached, got.current.newParents]).toEqual([want.visits, want.parentsReached, want.newParents]);
      expect(got.series.map((b) => b.parentsReached)).toEqual(want.seriesReached);
      expect(got.newByChannel).toEqual(want.newByChannel);
    }
  });

  it("for the whole project, where distinct parents are sums of the sessions' first visits, before and after changes", () => {
    const db = testDb();
    const rnd = random(11);
    const placeIds = build(db, rnd);
    const now = Date.UTC(2026, 3, 15);
    const whole = { from: Date.UTC(2024, 0, 1) / 86_400_000, to: Date.UTC(2027, 0, 1) / 86_400_000 };
    const everyFilter: Filters[] = [];
    for (const placeId of [null, placeIds[0]!])
      for (const kind of [null, "drop_in" as const, "group" as const])
        for (const county of [null, OTHER]) everyFilter.push({ placeId, kind, county });
    const check = (when: string) => {
      refreshReach(db);
      for (const filters of everyFilter) {
        const got = computeReach(db, { range: whole, filters, now: new Date(now) });
        const want = reference(db, whole, filters, now);
        const label = `${when} ${JSON.stringify(filters)}`;
        expect([got.current.visits, got.current.parentsReached, got.current.newParents], label).toEqual([want.visits, want.parentsReached, want.newParents]);
        expect(got.series.map((b) => b.parentsReached), label).toEqual(want.seriesReached);
        expect(got.newByChannel, label).toEqual(want.newByChannel);
        expect(Object.fromEntries(got.byPlace.filter((p) => p.parentsReached > 0).map((p) => [String(p.placeId), p.parentsReached])), label).toEqual(want.byPlace);
        expect(Object.fromEntries(got.byKind.filter((p) => p.parentsReached > 0).map((p) => [p.kind, p.parentsReached])), label).toEqual(want.byKind);
      }
    };
    check("as built");
    // An earlier visit by someone already counted moves their "first visit" into another session and month.
    sqliteOf(db).prepare("UPDATE sessions SET starts_at = starts_at - 75 * 86400000, ends_at = ends_at - 75 * 86400000 WHERE id % 5 = 0").run();
    sqliteOf(db).prepare("DELETE FROM visits WHERE id % 4 = 0").run();
    sqliteOf(db).prepare("UPDATE places SET county_id = ? WHERE id = ?").run(OTHER, placeIds[1]);
    // The door's one tap: a first-time walk-in says how they heard afterwards.
    sqliteOf(db).prepare("UPDATE visits SET heard_from = 'flyer' WHERE id % 7 = 0").run();
    check("after changes");
  });
});
