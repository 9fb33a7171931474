// The reach section of `npm run bench`, run by scripts/bench.mjs through tsx (it is TypeScript and
// uses the app's own code): on the large data set from `npm run seed:large`, the time of the whole
// dashboard (every headline figure for the period and the one before, the series, the breakdowns,
// the feedback) for the whole project and for one month, and the app's parents-reached query next
// to the plain SQL over the base tables, all on the same file in the same run. Prints JSON.
import fs from "node:fs";
import { migrateDatabase, openDatabase } from "../db/client";
import { helsinkiDayOf } from "../lib/i18n/time";
import { identity } from "../lib/reach/identity";
import { computeReach, parentsReached } from "../lib/reach/metrics";
import { noFilters } from "../lib/reach/query";
import { resolvePeriod, utcBounds, type Range } from "../lib/reach/period";
import { firstSessionDay } from "../lib/reach/reads";
import { refreshReach } from "../lib/reach/refresh";
import { sqliteOf } from "../lib/reach/sqlite";

const RUNS = 7;

function median(f: () => unknown): { ms: number; runs: number[] } {
  f(); // warm: statements prepared, pages in the cache
  const runs = Array.from({ length: RUNS }, () => {
    const t = performance.now();
    f();
    return +(performance.now() - t).toFixed(2);
  });
  return { ms: [...runs].sort((a, b) => a - b)[Math.floor(RUNS / 2)]!, runs };
}

/** Parents reached the plain way: every visit joined to its session, distinct people counted by SQLite (the app's identity rule). */
const who = identity("v");
const BARE = `SELECT
  (SELECT COUNT(DISTINCT ${who.person})
   FROM visits v JOIN sessions s ON s.id = v.session_id
   WHERE s.starts_at >= ? AND s.starts_at < ? AND ${who.known})
 + (SELECT COUNT(*) FROM visits v JOIN sessions s ON s.id = v.session_id
   WHERE s.starts_at >= ? AND s.starts_at < ? AND ${who.anonymousFirst})`;

export function benchReach(file: string) {
  const db = openDatabase(file);
  migrateDatabase(db);
  const refreshed = refreshReach(db);
  const sqlite = sqliteOf(db);
  const now = new Date();
  const today = helsinkiDayOf(now.getTime()).day;
  const periods: [string, Range][] = [
    ["whole project", resolvePeriod("all", today, { firstDay: firstSessionDay(db) })],
    ["one month (last month)", resolvePeriod("last_month", today, { firstDay: null })],
  ];
  const bare = sqlite.prepare(BARE).pluck();
  const rows = periods.map(([name, range]) => {
    const { start, end } = utcBounds(range);
    const b = [start.getTime(), end.getTime(), start.getTime(), end.getTime()];
    const dashboard = median(() => computeReach(db, { range, filters: noFilters, now }));
    const app = median(() => parentsReached(db, range, noFilters));
    const plain = median(() => bare.get(...b));
    const appValue = parentsReached(db, range, noFilters);
    const bareValue = bare.get(...b) as number;
    return {
      period: name,
      visits: computeReach(db, { range, filters: noFilters, now }).current.visits,
      dashboardMs: dashboard.ms,
      parentsReachedAppMs: app.ms,
      parentsReachedBareSqlMs: plain.ms,
      ratio: +(app.ms / plain.ms).toFixed(3),
      parentsReached: appValue,
      agrees: appValue === bareValue,
    };
  });
  const count = (t: string) => sqlite.prepare(`SELECT COUNT(*) FROM ${t}`).pluck().get() as number;
  const result = {
    file,
    fileMiB: +(fs.statSync(file).size / 1024 / 1024).toFixed(1),
    rows: { places: count("places"), sessions: count("sessions"), visits: count("visits"), bookings: count("bookings"), reachPersonVisits: count("reach_person_visits") },
    summariesRefreshedFirst: refreshed,
    runs: RUNS,
    periods: rows,
  };
  sqlite.close();
  return result;
}

if (process.argv[1] && /bench-reach\.ts$/.test(process.argv[1])) {
  console.log(JSON.stringify(benchReach(process.argv[2] ?? "data/kohtaamo-large.db")));
}
