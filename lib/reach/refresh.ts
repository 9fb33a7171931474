import "server-only";
import type Database from "better-sqlite3";
import { sql } from "drizzle-orm";
import { SQLiteSyncDialect } from "drizzle-orm/sqlite-core";
import type { DB } from "@/db/client";
import { bookingsOf } from "@/lib/booking/bookable";
import { identity } from "./identity";
import { sqliteOf } from "./sqlite";
import { helsinkiDayOf } from "@/lib/i18n/time";

/*
 * Keeps the reach summaries (reach_sessions, reach_person_visits) in step with
 * the data they are derived from. Triggers list every changed session in
 * reach_dirty; refreshReach() rebuilds those sessions' rows, then recomputes
 * the "previous visit" columns of every person seen in them. The one gate to
 * the figures (reachReport) calls it first, so nothing is ever read stale.
 *
 * Who counts as one person is lib/reach/identity.ts; what marks a session
 * stale is lib/reach/sources.ts (and the triggers it is tested against).
 */

const v = identity("v");
const row = identity("");

/** The session's bookings (booking's own rule), as text for the statements below, where @id and @groupId name the session. */
const bookingsOfSession = (status?: "confirmed") =>
  new SQLiteSyncDialect().sqlToQuery(bookingsOf({ sessionId: sql.raw("@id"), groupId: sql.raw("@groupId") }, status).inlineParams()).sql;

type Statements = ReturnType<typeof prepare>;
const prepared = new WeakMap<object, Statements>();

function prepare(sqlite: Database.Database) {
  return {
    dirty: sqlite.prepare("SELECT session_id FROM reach_dirty ORDER BY session_id LIMIT 20000").pluck(),
    clean: sqlite.prepare("DELETE FROM reach_dirty WHERE session_id = ?"),
    session: sqlite.prepare(
      `SELECT s.id, s.place_id AS placeId, s.kind, s.status, s.starts_at AS startsAt, s.group_id AS groupId,
              COALESCE(s.capacity, g.capacity) AS capacity
       FROM sessions s LEFT JOIN session_groups g ON g.id = s.group_id WHERE s.id = ?`,
    ),
    dropSession: sqlite.prepare("DELETE FROM reach_sessions WHERE session_id = ?"),
    dropChannels: sqlite.prepare("DELETE FROM reach_session_channels WHERE session_id = ?"),
    // Anonymous first-time walk-ins by how they heard (the same rule as anon_first below).
    addChannels: sqlite.prepare(
      `INSERT INTO reach_session_channels (session_id, channel, anon_first)
       SELECT @id, heard_from, COUNT(*) FROM visits
       WHERE session_id = @id AND ${row.anonymousFirst} AND heard_from IS NOT NULL
       GROUP BY heard_from`,
    ),
    addSession: sqlite.prepare(
      `INSERT INTO reach_sessions (session_id, place_id, kind, status, starts_at, day, month, capacity,
         booked_seats, confirmed_bookings, no_shows, visits, parents, professionals, others, booked_visits, walk_in_parents,
         anon_first, anon_returning, anon_unknown, responses, rating_1, rating_2, rating_3, rating_4,
         info_yes, info_answered, alone_yes, alone_answered, return_yes, return_answered, not_asked)
       SELECT @id, @placeId, @kind, @status, @startsAt, @day, @month, @capacity,
         (SELECT COALESCE(SUM(party_size), 0) FROM bookings WHERE ${bookingsOfSession("confirmed")}),
         (SELECT COUNT(*) FROM bookings
           WHERE ${bookingsOfSession()} AND (status = 'confirmed' OR (status = 'cancelled' AND cancelled_at >= @startsAt))),
         (SELECT COUNT(*) FROM attendance a WHERE a.session_id = @id AND a.status = 'no_show'),
         v.n, v.parents, v.professionals, v.others, v.booked, v.walkInParents, v.anonFirst, v.anonReturning, v.anonUnknown,
         f.n, f.r1, f.r2, f.r3, f.r4, f.infoYes, f.infoAnswered, f.aloneYes, f.aloneAnswered, f.returnYes, f.returnAnswered,
         (SELECT COALESCE(feedback_not_asked, 0) FROM sessions WHERE id = @id)
       FROM
         (SELECT COUNT(*) AS n,
            COALESCE(SUM(kind = 'parent'), 0) AS parents,
            COALESCE(SUM(kind = 'professional'), 0) AS professionals,
            COALESCE(SUM(kind = 'other'), 0) AS others,
            COALESCE(SUM(source = 'booking'), 0) AS booked,
            COALESCE(SUM(kind = 'parent' AND source <> 'booking'), 0) AS walkInParents,
            COALESCE(SUM(${row.anonymousFirst}), 0) AS anonFirst,
            COALESCE(SUM(${row.anonymousReturning}), 0) AS anonReturning,
            COALESCE(SUM(${row.anonymousUnknown}), 0) AS anonUnknown
          FROM visits WHERE session_id = @id) v,
         (SELECT COUNT(*) AS n,
            COALESCE(SUM(rating = 1), 0) AS r1, COALESCE(SUM(rating = 2), 0) AS r2,
            COALESCE(SUM(rating = 3), 0) AS r3, COALESCE(SUM(rating = 4), 0) AS r4,
            COALESCE(SUM(got_information = 'yes'), 0) AS infoYes, COUNT(got_information) AS infoAnswered,
            COALESCE(SUM(less_alone = 'yes'), 0) AS aloneYes, COUNT(less_alone) AS aloneAnswered,
            COALESCE(SUM(would_return = 'yes'), 0) AS returnYes, COUNT(would_return) AS returnAnswered
          FROM feedback_responses WHERE session_id = @id) f`,
    ),
    notePersons: sqlite.prepare("INSERT OR IGNORE INTO temp.reach_affected (person) SELECT person FROM reach_person_visits WHERE session_id = ?"),
    dropVisits: sqlite.prepare("DELETE FROM reach_person_visits WHERE session_id = ?"),
    addVisits: sqlite.prepare(
      `INSERT INTO reach_person_visits (visit_id, session_id, person, starts_at, day, month, place_id, kind, channel)
       SELECT v.id, v.session_id, ${v.person}, @startsAt, @day, @month, @placeId, @kind, v.heard_from
       FROM visits v
       WHERE v.session_id = @id AND ${v.known}`,
    ),
    // "Previous visit" of each person in each grouping, for the persons touched.
    previous: sqlite.prepare(
      `UPDATE reach_person_visits AS r SET
         prev_day = w.d0, prev_month = w.m0,
         prev_place_day = w.d1, prev_place_month = w.m1,
         prev_kind_day = w.d2, prev_kind_month = w.m2,
         prev_place_kind_day = w.d3, prev_place_kind_month = w.m3,
         prev_county_day = w.d4, prev_county_month = w.m4,
         prev_county_kind_day = w.d5, prev_county_kind_month = w.m5
       FROM (
         SELECT x.visit_id,
           lag(x.day) OVER a AS d0, lag(x.month) OVER a AS m0,
           lag(x.day) OVER p AS d1, lag(x.month) OVER p AS m1,
           lag(x.day) OVER k AS d2, lag(x.month) OVER k AS m2,
           lag(x.day) OVER pk AS d3, lag(x.month) OVER pk AS m3,
           lag(x.day) OVER c AS d4, lag(x.month) OVER c AS m4,
           lag(x.day) OVER ck AS d5, lag(x.month) OVER ck AS m5
         FROM reach_person_visits x JOIN places pl ON pl.id = x.place_id
         WHERE x.person IN (SELECT person FROM temp.reach_affected)
         WINDOW a AS (PARTITION BY x.person ORDER BY x.starts_at, x.visit_id),
                p AS (PARTITION BY x.person, x.place_id ORDER BY x.starts_at, x.visit_id),
                k AS (PARTITION BY x.person, x.kind ORDER BY x.starts_at, x.visit_id),
                pk AS (PARTITION BY x.person, x.place_id, x.kind ORDER BY x.starts_at, x.visit_id),
                c AS (PARTITION BY x.person, pl.county_id ORDER BY x.starts_at, x.visit_id),
                ck AS (PARTITION BY x.person, pl.county_id, x.kind ORDER BY x.starts_at, x.visit_id)
       ) AS w
       WHERE r.visit_id = w.visit_id`,
    ),
    // Per session, how many known parents came for the first time in each grouping (ever, and in the
    // month), for the sessions where any touched person has a visit: their "previous visit" may have moved.
    firsts: sqlite.prepare(
      `UPDATE reach_sessions AS rs SET known = c.known,
         first_all = c.f0, first_place = c.f1, first_kind = c.f2, first_place_kind = c.f3, first_county = c.f4, first_county_kind = c.f5,
         month_first_all = c.m0, month_first_place = c.m1, month_first_kind = c.m2, month_first_place_kind = c.m3,
         month_first_county = c.m4, month_first_county_kind = c.m5
       FROM (
         SELECT session_id, COUNT(*) AS known,
           SUM(prev_day IS NULL) AS f0, SUM(prev_place_day IS NULL) AS f1, SUM(prev_kind_day IS NULL) AS f2,
           SUM(prev_place_kind_day IS NULL) AS f3, SUM(prev_county_day IS NULL) AS f4, SUM(prev_county_kind_day IS NULL) AS f5,
           SUM(prev_day IS NULL OR prev_month < month) AS m0, SUM(prev_place_day IS NULL OR prev_place_month < month) AS m1,
           SUM(prev_kind_day IS NULL OR prev_kind_month < month) AS m2, SUM(prev_place_kind_day IS NULL OR prev_place_kind_month < month) AS m3,
           SUM(prev_county_day IS NULL OR prev_county_month < month) AS m4, SUM(prev_county_kind_day IS NULL OR prev_county_kind_month < month) AS m5
         FROM reach_person_visits
         WHERE session_id IN (SELECT session_id FROM reach_person_visits WHERE person IN (SELECT person FROM temp.reach_affected))
         GROUP BY session_id
       ) AS c
       WHERE rs.session_id = c.session_id`,
    ),
    clearAffected: sqlite.prepare("DELETE FROM temp.reach_affected"),
  };
}

function statements(db: DB): Statements {
  const sqlite = sqliteOf(db);
  let s = prepared.get(sqlite);
  if (!s) {
    sqlite.exec("CREATE TEMP TABLE IF NOT EXISTS reach_affected (person TEXT PRIMARY KEY)");
    s = prepare(sqlite);
    prepared.set(sqlite, s);
  }
  return s;
}

type SessionRow = { id: number; placeId: number; kind: string; status: string; startsAt: number; groupId: number | null; capacity: number | null };

/** Rebuilds the summary rows of every session marked dirty. Returns how many sessions were rebuilt. */
export function refreshReach(db: DB): number {
  const s = statements(db);
  let total = 0;
  for (;;) {
    const ids = s.dirty.all() as number[];
    if (ids.length === 0) return total;
    sqliteOf(db).transaction(() => {
      for (const id of ids) {
        s.notePersons.run(id);
        s.dropSession.run(id);
        s.dropChannels.run(id);
        s.dropVisits.run(id);
        const row = s.session.get(id) as SessionRow | undefined;
        if (row) {
          const { day, month } = helsinkiDayOf(row.startsAt);
          // -1 never matches a group id, so a session outside a group sees only its own bookings.
          const params = { ...row, groupId: row.groupId ?? -1, day, month };
          s.addSession.run(params);
          s.addChannels.run(params);
          s.addVisits.run(params);
          s.notePersons.run(id);
        }
        s.clean.run(id);
      }
      s.previous.run();
      s.firsts.run();
      s.clearAffected.run();
    }).immediate();
    total += ids.length;
  }
}
