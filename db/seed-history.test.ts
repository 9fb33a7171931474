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
      return computeReach(db, { range: { from: today - 200, to: today }, filters: noFilters, now }).current;
    };
    const first = figures();
    expect(first.sessionsHeld).toBeGreaterThan(35);
    expect(first.visits).toBeGreaterThan(150);
    expect(first.parentsReached).toBeGreaterThan(40);
    expect(first.parentsReached).toBeLessThan(first.visits);
    expect(first.professionals).toBeGreaterThan(0);
    expect(first.noShows).toBe(1);
    expect(figures()).toEqual(first);
  });

  it("leaves a database without the demo places alone", () => {
    expect(seedHistory(testDb())).toBe(false);
  });
});
