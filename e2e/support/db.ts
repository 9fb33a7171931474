import { TZDate } from "@date-fns/tz";
import Database from "better-sqlite3";
import { E2E } from "./env.cjs";

/** The server's own SQLite file, opened beside it (WAL lets both read and write). */
export function openDb() {
  const db = new Database(E2E.dbPath);
  db.pragma("busy_timeout = 5000");
  return db;
}

const text = (s: string) => JSON.stringify({ fi: `${s} (fi)`, sv: `${s} (sv)`, en: s });

/**
 * When a test session starts. Within a day: that long from now, for the door's tests. A day or more
 * ahead: 17:00 Helsinki time on that day, so the two hours never cross midnight, whatever time CI
 * runs at (a session from 23:23 to 01:23 cannot be saved in the planner's one-day form).
 */
function startOf(daysAhead: number) {
  const at = Date.now() + daysAhead * 86_400_000;
  if (daysAhead < 1) return at;
  const day = new TZDate(at, "Europe/Helsinki");
  return new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), 17, 0, 0, "Europe/Helsinki").getTime();
}

/** A bookable session of its own for one test, so tests do not share seats. */
export function createSession(o: { title: string; capacity: number | null; kind?: string; daysAhead?: number; maxPartySize?: number; status?: string; placeSlug?: string }) {
  const db = openDb();
  const place = db.prepare("SELECT id FROM places WHERE slug = ?").get(o.placeSlug ?? "jarvenpaa") as { id: number };
  const start = startOf(o.daysAhead ?? 5);
  const row = db
    .prepare(
      `INSERT INTO sessions (place_id, kind, starts_at, ends_at, title, description, languages, capacity, max_party_size, status)
       VALUES (?, ?, ?, ?, ?, ?, '["fi"]', ?, ?, ?) RETURNING id`,
    )
    .get(place.id, o.kind ?? "info_evening", start, start + 2 * 3_600_000, text(o.title), text("A test session"), o.capacity, o.maxPartySize ?? 4, o.status ?? "scheduled") as { id: number };
  db.close();
  return row.id;
}

export function bookingsOf(sessionId: number) {
  const db = openDb();
  const rows = db
    .prepare("SELECT id, code, status, party_size AS partySize, nickname, email, phone FROM bookings WHERE session_id = ? ORDER BY id")
    .all(sessionId) as { id: number; code: string; status: string; partySize: number; nickname: string | null; email: string | null; phone: string | null }[];
  db.close();
  return rows;
}

export function firstSessionId(kind: string): number {
  const db = openDb();
  // The demo data's own sessions, not those the tests create.
  const row = db
    .prepare("SELECT id FROM sessions WHERE kind = ? AND starts_at > ? AND json_extract(description, '$.en') <> 'A test session' ORDER BY starts_at LIMIT 1").get(kind, Date.now()) as { id: number };
  db.close();
  return row.id;
}

export function staffId(email: string): string {
  const db = openDb();
  const row = db.prepare("SELECT id FROM users WHERE email = ?").get(email) as { id: string };
  db.close();
  return row.id;
}

export function assignFacilitator(sessionId: number, email: string) {
  const db = openDb();
  db.prepare("INSERT INTO session_facilitators (session_id, user_id) VALUES (?, ?)").run(sessionId, staffId(email));
  db.close();
}

/** Runs one read query on the server's database, for assertions. */
export function query<T>(sql: string, ...params: unknown[]): T[] {
  const db = openDb();
  const rows = db.prepare(sql).all(...params) as T[];
  db.close();
  return rows;
}

export function run(sql: string, ...params: unknown[]) {
  const db = openDb();
  db.prepare(sql).run(...params);
  db.close();
}
