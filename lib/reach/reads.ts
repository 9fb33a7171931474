import "server-only";
import { sqliteOf } from "./sqlite";
import type { DB } from "@/db/client";
import { sessionKinds, type Localized, type SessionKind } from "@/db/schema";
import { helsinkiDayOf } from "@/lib/i18n/time";
import { figuresChangedLater } from "@/lib/privacy/audit";
import type { Range } from "./period";
import { where, type Filters } from "./query";

export type PlaceOption = { id: number; name: string; countyId: number | null; archived: boolean };
export type CountyOption = { id: number; name: Localized };

/** Every meeting place (archived ones too: their history still counts), for the filters and the tables. */
export function reachPlaces(db: DB): PlaceOption[] {
  return (
    sqliteOf(db)
      .prepare("SELECT id, name, county_id AS countyId, archived_at IS NOT NULL AS archived FROM places ORDER BY name")
      .all() as { id: number; name: string; countyId: number | null; archived: number }[]
  ).map((p) => ({ ...p, archived: Boolean(p.archived) }));
}

/** The counties that have a meeting place, for the county filter, by their Finnish name. */
export function reachCounties(db: DB): CountyOption[] {
  return (sqliteOf(db).prepare("SELECT id, name FROM counties WHERE id IN (SELECT county_id FROM places)").all() as { id: number; name: string }[])
    .map((c) => ({ id: c.id, name: JSON.parse(c.name) as Localized }))
    .sort((a, b) => a.name.fi.localeCompare(b.name.fi, "fi"));
}

/** The Helsinki day of the first session ever, the start of "the whole project". */
export function firstSessionDay(db: DB): number | null {
  const first = sqliteOf(db).prepare("SELECT MIN(starts_at) FROM sessions").pluck().get() as number | null;
  return first === null ? null : helsinkiDayOf(first).day;
}

export type SessionLine = {
  sessionId: number;
  day: number;
  startsAt: number;
  placeId: number;
  kind: SessionKind;
  /** The session's title in each language, as JSON (the export picks its language). */
  title: string;
  capacity: number | null;
  booked: number;
  attended: number;
  checkedIn: number;
  walkInParents: number;
  professionals: number;
  others: number;
  /** Who last changed the figures after the session's day, and when (ms); null when nobody did. */
  changedLaterBy: string | null;
  changedLaterAt: number | null;
};

/**
 * The sessions held in the period, one line each, for the exports' session
 * table, each with the last change to its figures after its day (see
 * figuresChangedLater), so the funder's file says which figures came late.
 */
export function sessionLines(db: DB, range: Range, f: Filters, now: Date): SessionLine[] {
  const w = where(range, f);
  const parts = [w.sql, "status = 'scheduled'", "(starts_at <= ? OR visits > 0)"];
  const later = figuresChangedLater.map(() => "?").join(", ");
  const params = [...figuresChangedLater, ...w.params, now.getTime()];
  return sqliteOf(db)
    .prepare(
      `WITH later AS (
         SELECT subject_id, actor_id, created_at AS at, row_number() OVER (PARTITION BY subject_id ORDER BY created_at DESC, id DESC) AS n
         FROM audit_log WHERE subject_type = 'session' AND action IN (${later}))
       SELECT r.session_id AS sessionId, r.day, r.starts_at AS startsAt, r.place_id AS placeId, r.kind, s.title, r.capacity, r.booked_seats AS booked,
         r.visits AS attended, r.booked_visits AS checkedIn, r.walk_in_parents AS walkInParents, r.professionals, r.others,
         CASE WHEN l.at IS NULL THEN NULL ELSE coalesce(u.name, u.email, '') END AS changedLaterBy, l.at AS changedLaterAt
       FROM (SELECT * FROM reach_sessions WHERE ${parts.join(" AND ")}) r JOIN sessions s ON s.id = r.session_id
         LEFT JOIN later l ON l.subject_id = CAST(r.session_id AS TEXT) AND l.n = 1
         LEFT JOIN users u ON u.id = l.actor_id
       ORDER BY r.starts_at, r.session_id`,
    )
    .all(...params) as SessionLine[];
}

export const isSessionKind = (v: unknown): v is SessionKind => typeof v === "string" && (sessionKinds as readonly string[]).includes(v);
