// `npm run seed:large`: a national-scale data set for the reach benchmark, in its own file
// (data/kohtaamo-large.db, or the path given as the first argument): 52 meeting places in 12
// wellbeing services counties over five years, about a million visits. Drop-ins three days a
// week with anonymous walk-ins (first time / been before / not asked), visitor codes that keep
// coming back, professionals; monthly info evenings and twice-yearly groups with bookings,
// cancellations, waiting lists, check-ins and no-shows; feedback. Seeded random numbers, so the
// same data every time. Then the reach summaries are built by the app's own code.
import fs from "node:fs";
import path from "node:path";
import { TZDate } from "@date-fns/tz";
import { migrateDatabase, openDatabase } from "../db/client";
import { refreshReach } from "../lib/reach/refresh";
import { sqliteOf } from "../lib/reach/sqlite";
import { seededRandom } from "../db/seeded-random";

const file = path.resolve(process.argv[2] ?? "data/kohtaamo-large.db");
const YEARS = 5;
const COUNTIES = [
  "Helsingin kaupunki",
  "Itä-Uudenmaan hyvinvointialue",
  "Keski-Uudenmaan hyvinvointialue",
  "Länsi-Uudenmaan hyvinvointialue",
  "Vantaan ja Keravan hyvinvointialue",
  "Varsinais-Suomen hyvinvointialue",
  "Pirkanmaan hyvinvointialue",
  "Pohjois-Pohjanmaan hyvinvointialue",
  "Keski-Suomen hyvinvointialue",
  "Pohjois-Savon hyvinvointialue",
  "Lapin hyvinvointialue",
  "Pohjanmaan hyvinvointialue",
];
const PLACES = 52;

const rnd = seededRandom(424242);
const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
/** A Poisson-ish count around a mean (normal approximation, never negative). */
const around = (mean: number) => Math.max(0, Math.round(mean + Math.sqrt(mean) * (rnd() + rnd() + rnd() - 1.5) * 2));

for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
const started = performance.now();
const db = openDatabase(file);
migrateDatabase(db);
const sqlite = sqliteOf(db);
sqlite.pragma("synchronous = OFF");

const text = (s: string) => JSON.stringify({ fi: s, sv: s, en: s });
const ins = {
  place: sqlite.prepare(
    `INSERT INTO places (slug, name, county_id, street_address, postal_code, city, directions, accessibility, opening_hours)
     VALUES (?, ?, ?, 'Katu 1', '00100', ?, ?, ?, ?) RETURNING id`,
  ).pluck(),
  county: sqlite.prepare("INSERT INTO counties (name) VALUES (?) RETURNING id").pluck(),
  group: sqlite.prepare("INSERT INTO session_groups (place_id, title, description, capacity, max_party_size) VALUES (?, ?, ?, ?, 2) RETURNING id").pluck(),
  session: sqlite.prepare(
    `INSERT INTO sessions (place_id, group_id, kind, starts_at, ends_at, title, description, languages, capacity, max_party_size, status, closed_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, '["fi"]', ?, 4, ?, ?) RETURNING id`,
  ).pluck(),
  code: sqlite.prepare("INSERT INTO visitor_codes (code, created_at) VALUES (?, ?)"),
  visit: sqlite.prepare("INSERT INTO visits (session_id, kind, source, first_time, visitor_code, booking_id, client_key, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
  booking: sqlite.prepare(
    `INSERT INTO bookings (session_id, group_id, code, token_hash, party_size, locale, status, visitor_code, created_at, confirmed_at, cancelled_at)
     VALUES (?, ?, ?, ?, ?, 'fi', ?, ?, ?, ?, ?) RETURNING id`,
  ).pluck(),
  attendance: sqlite.prepare("INSERT INTO attendance (booking_id, session_id, status, created_at) VALUES (?, ?, ?, ?)"),
  feedback: sqlite.prepare(
    `INSERT INTO feedback_responses (session_id, rating, got_information, less_alone, would_return, locale, device_hash, created_at)
     VALUES (?, ?, ?, ?, ?, 'fi', ?, ?)`,
  ),
};

const now = new Date();
const today = new TZDate(now.getTime(), "Europe/Helsinki");
const at = (daysAgo: number, h: number, m = 0) => new TZDate(today.getFullYear(), today.getMonth(), today.getDate() - daysAgo, h, m, 0, "Europe/Helsinki").getTime();
const DAYS = YEARS * 365;
let keys = 0;
let bookingKeys = 0;
let codeCounter = 0;
const answer = () => (rnd() < 0.7 ? "yes" : rnd() < 0.5 ? "no" : "cant_say");

type Place = { id: number; codes: string[] };

function newCode(place: Place, when: number): string {
  const code = `L${(++codeCounter).toString(36).toUpperCase().padStart(5, "0")}`;
  ins.code.run(code, when);
  place.codes.push(code);
  return code;
}
/** A returning code: mostly someone from this place's recent regulars, sometimes from anywhere. */
function returningCode(place: Place, all: Place[]): string | null {
  const from = rnd() < 0.05 ? all[int(0, all.length - 1)]! : place;
  if (from.codes.length === 0) return null;
  const recent = Math.min(from.codes.length, 250);
  return from.codes[from.codes.length - 1 - Math.floor(rnd() * rnd() * recent)]!;
}
function feedback(sessionId: number, when: number, n: number) {
  for (let i = 0; i < n; i++) {
    const rating = rnd() < 0.05 ? null : rnd() < 0.5 ? 4 : rnd() < 0.7 ? 3 : rnd() < 0.6 ? 2 : 1;
    ins.feedback.run(sessionId, rating, answer(), answer(), answer(), `d${sessionId}-${i}`, when);
  }
}
function bookAndAttend(sessionIds: number[], target: { sessionId: number | null; groupId: number | null }, party: number, place: Place, all: Place[], booked: number) {
  const r = rnd();
  const status = r < 0.08 ? "cancelled" : r < 0.12 ? "waitlisted" : "confirmed";
  const code = rnd() < 0.35 ? returningCode(place, all) : null;
  const id = ins.booking.get(target.sessionId, target.groupId, `LB${++bookingKeys}`, `lh${bookingKeys}`, party, status, code, booked, status === "confirmed" ? booked : null, status === "cancelled" ? booked + 86_400_000 : null) as number;
  if (status !== "confirmed") return;
  const reliable = rnd() < 0.88;
  for (const sessionId of sessionIds) {
    const came = rnd() < (reliable ? 0.9 : 0.3);
    ins.attendance.run(id, sessionId, came ? "attended" : "no_show", booked);
    if (came) for (let seat = 0; seat < party; seat++) ins.visit.run(sessionId, "parent", "booking", null, seat === 0 ? code : null, id, `booking:${id}:${sessionId}:${seat}`, booked);
  }
}

const places: Place[] = [];
sqlite.transaction(() => {
  const countyIds = COUNTIES.map((name) => ins.county.get(text(name)) as number);
  for (let p = 0; p < PLACES; p++) {
    const county = COUNTIES[p % COUNTIES.length]!;
    const id = ins.place.get(`large-${p}`, `Kohtaamo ${p + 1}`, countyIds[p % COUNTIES.length], county.split(" ")[0], text("directions"), text("accessibility"), text("Ti–To 9–15")) as number;
    places.push({ id, codes: [] });
  }
})();

const dropIn = { title: text("Avoimet ovet"), description: text("Drop-in") };
// Busier places and a slow start: the project grows over the five years.
const size = places.map(() => 0.6 + rnd() * 0.9);
for (let back = DAYS; back >= 1; back--) {
  sqlite.transaction(() => {
    const day = new TZDate(at(back, 12), "Europe/Helsinki");
    const weekday = day.getDay();
    const growth = 0.55 + 0.45 * (1 - back / DAYS);
    for (const [i, place] of places.entries()) {
      // Drop-ins on Tuesday, Wednesday and Thursday (each place two or three of them).
      if ([2, 3, 4].includes(weekday) && !(weekday === 3 && i % 3 === 0) && rnd() > 0.04) {
        const start = at(back, 9);
        const end = at(back, 15);
        const sid = ins.session.get(place.id, null, "drop_in", start, end, dropIn.title, dropIn.description, null, "scheduled", end) as number;
        const tap = (kind: string, source: string, first: number | null, code: string | null) => ins.visit.run(sid, kind, source, first, code, null, `t${++keys}`, start);
        const n = around(33 * size[i]! * growth);
        for (let v = 0; v < n; v++) {
          const r = rnd();
          if (r < 0.1) tap("professional", "walk_in", null, null);
          else if (r < 0.14) tap("other", "walk_in", null, null);
          else if (r < 0.4) {
            const code = returningCode(place, places);
            if (code) tap("parent", "code", 0, code);
            else tap("parent", "walk_in", 1, null);
          } else if (r < 0.47) tap("parent", "code", 1, newCode(place, start));
          else if (r < 0.66) tap("parent", "walk_in", 1, null);
          else if (r < 0.95) tap("parent", "walk_in", 0, null);
          else tap("parent", "walk_in", null, null);
        }
        if (rnd() < 0.6) feedback(sid, end, around(2.5));
      }
      // An info evening on the first Monday of the month.
      if (weekday === 1 && day.getDate() <= 7) {
        const start = at(back, 18);
        const end = at(back, 19, 30);
        const cancelled = rnd() < 0.03;
        const sid = ins.session.get(place.id, null, "info_evening", start, end, text("Infoilta"), text("Info evening"), 25, cancelled ? "cancelled" : "scheduled", cancelled ? null : end) as number;
        if (!cancelled) {
          for (let b = around(14 * growth); b > 0; b--) bookAndAttend([sid], { sessionId: sid, groupId: null }, rnd() < 0.8 ? 1 : 2, place, places, start - int(1, 20) * 86_400_000);
          for (let w = around(2); w > 0; w--) ins.visit.run(sid, rnd() < 0.3 ? "professional" : "parent", "walk_in", null, null, null, `t${++keys}`, start);
          if (rnd() < 0.7) feedback(sid, end, around(4));
        }
      }
      // A group of six weekly meetings starting in late January and late August.
      if (weekday === 1 && (day.getMonth() === 0 || day.getMonth() === 7) && day.getDate() >= 22 && day.getDate() <= 28 && back > 42) {
        const capacity = 10;
        const gid = ins.group.get(place.id, text("Vertaisryhmä"), text("Peer group"), capacity) as number;
        const meetings = Array.from({ length: 6 }, (_, m) => {
          const start = at(back - 2 - 7 * m, 17, 30);
          const end = at(back - 2 - 7 * m, 19);
          return ins.session.get(place.id, gid, "group", start, end, text("Vertaisryhmä"), text("Peer group"), null, "scheduled", end) as number;
        });
        for (let b = Math.min(8, around(6)); b > 0; b--) bookAndAttend(meetings, { sessionId: null, groupId: gid }, rnd() < 0.85 ? 1 : 2, place, places, at(back + int(3, 30), 12));
        for (const m of meetings) if (rnd() < 0.5) feedback(m, at(back, 20), around(3));
      }
    }
  })();
}
const loaded = performance.now();
console.log(`[seed:large] base tables written in ${((loaded - started) / 1000).toFixed(1)} s; building the reach summaries…`);
const rebuilt = refreshReach(db);
sqlite.pragma("synchronous = NORMAL");
sqlite.exec("ANALYZE");
sqlite.pragma("wal_checkpoint(TRUNCATE)");
const done = performance.now();

const tables = ["places", "sessions", "session_groups", "bookings", "attendance", "visits", "visitor_codes", "feedback_responses", "reach_sessions", "reach_person_visits"];
console.log(`[seed:large] summaries for ${rebuilt} sessions built in ${((done - loaded) / 1000).toFixed(1)} s`);
console.log(`[seed:large] ${file}`);
for (const t of tables) console.log(`  ${t.padEnd(22)} ${String(sqlite.prepare(`SELECT COUNT(*) FROM ${t}`).pluck().get()).padStart(9)} rows`);
sqlite.close();
const bytes = fs.statSync(file).size;
console.log(`  file size              ${(bytes / 1024 / 1024).toFixed(1).padStart(9)} MiB`);
console.log(`[seed:large] done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
