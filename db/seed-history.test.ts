import { describe, expect, it } from "vitest";
import { testDb } from "@/lib/test/db";
import { computeReach } from "@/lib/reach/metrics";
import { noFilters } from "@/lib/reach/query";
import { refreshReach } from "@/lib/reach/refresh";
import { helsinkiDayOf } from "@/lib/i18n/time";
import { seedDemo } from "./seed";
import { seedHistory } from "./seed-history";

describe("demo history", () => {
  it("gives the demo's dashboard figures, quickly, the same every time, and only once", () => {
    const now = new Date(Date.UTC(2026, 10, 20, 10));
    const figures = () => {
      const db = testDb();
      seedDemo(db, now);
      const started = performance.now();
      expect(seedHistory(db, now)).toBe(true);
      expect(performance.now() - started).toBeLessThan(1000);
      expect(seedHistory(db, now)).toBe(false);
      const today = helsinkiDayOf(now.getTime()).day;
      refreshReach(db);
      const reach = computeReach(db, { range: { from: today - 200, to: today }, filters: noFilters, now });
      return { ...reach.current, newByChannel: reach.newByChannel };
    };
    const first = figures();
    expect(first.sessionsHeld).toBeGreaterThan(35);
    expect(first.visits).toBeGreaterThan(150);
    expect(first.parentsReached).toBeGreaterThan(40);
    expect(first.parentsReached).toBeLessThan(first.visits);
    expect(first.professionals).toBeGreaterThan(0);
    expect(first.noShows).toBe(1);
    // Some new parents said how they heard of the place; the rest are "untold", and together they are the new parents.
    const channels = Object.values(first.newByChannel);
    expect(first.newByChannel.social_worker).toBeGreaterThan(0);
    expect(first.newByChannel.untold).toBeGreaterThan(0);
    expect(channels.reduce((a, b) => a + b, 0)).toBe(first.newParents);
    expect(figures()).toEqual(first);
  });

  it("has a session for professionals with their own answers, for the side-by-side page", () => {
    const db = testDb();
    seedDemo(db);
    seedHistory(db);
    const sqlite = (db as unknown as { $client: import("better-sqlite3").Database }).$client;
    const [session] = sqlite.prepare("SELECT id FROM sessions WHERE for_professionals = 1").all() as { id: number }[];
    expect(sqlite.prepare("SELECT COUNT(*) AS n FROM visits WHERE session_id = ? AND kind = 'professional'").get(session!.id)).toEqual({ n: 14 });
    expect(sqlite.prepare("SELECT locale, COUNT(*) AS n FROM professional_feedback WHERE session_id = ? GROUP BY locale ORDER BY locale").all(session!.id)).toEqual([
      { locale: "en", n: 1 },
      { locale: "fi", n: 5 },
      { locale: "sv", n: 1 },
    ]);
  });

  it("leaves a database without the demo places alone", () => {
    expect(seedHistory(testDb())).toBe(false);
  });
});
