// The door's round of `npm run bench`: TABLETS tablets, each at its own session happening today,
// send a queue of CHANGES taps at once through the door's sync route
// (POST /api/host/sessions/{id}/taps), as a tablet that was offline for the evening does when it
// finds the network. Then the same queues again, as a tablet does that never heard the answer.
// The figures are checked against the database: each tap counted once.
import { createHash, randomBytes } from "node:crypto";

export const TABLETS = 15;
export const CHANGES = 200; // MAX_DOOR_CHANGES in lib/attendance/window.ts: one request's worth
export const AIM_MS = 2000;
// The door refuses walk-ins beyond the room's size plus the session's capacity: far out of reach.
const CAPACITY = 10_000;
const FACILITATOR = "facilitator@kohtaamo.local"; // DEMO_STAFF.facilitator in db/seed.ts

/**
 * Signs the demo facilitator in as Auth.js would: a token shaped like
 * newSessionToken (lib/auth/sessions.ts), stored as its SHA-256 hex.
 * Returns the Cookie header.
 */
function signIn(db, userId) {
  const token = `${Date.now().toString(36)}.${randomBytes(32).toString("base64url")}`;
  const hash = createHash("sha256").update(token).digest("hex");
  db.prepare("INSERT INTO auth_sessions (session_token, user_id, expires) VALUES (?, ?, ?)").run(hash, userId, Date.now() + 10 * 3_600_000);
  return `authjs.session-token=${token}`;
}

/** TABLETS sessions starting now (so the door is open and it is their day) at one place, each run by the facilitator. */
function doorSessions(db, placeId, userId, count) {
  const text = (s) => JSON.stringify({ fi: s, sv: s, en: s });
  const insert = db.prepare(
    `INSERT INTO sessions (place_id, kind, starts_at, ends_at, title, description, languages, capacity, max_party_size, status)
     VALUES (?, 'info_evening', ?, ?, ?, ?, '["fi"]', ?, 4, 'scheduled')`,
  );
  const assign = db.prepare("INSERT INTO session_facilitators (session_id, user_id) VALUES (?, ?)");
  const now = Date.now();
  return db.transaction(() =>
    Array.from({ length: count }, (_, t) => {
      const id = Number(insert.run(placeId, now, now + 7_200_000, text(`Bench door ${t}`), text("Benchmark session"), CAPACITY).lastInsertRowid);
      assign.run(id, userId);
      return id;
    }),
  )();
}

/** One tablet's evening: CHANGES walk-ins, each with the key the device made for it. */
function queue(tablet) {
  // Made a second apart over the last minutes, in the door's window (it opens an hour before the start).
  const done = Date.now();
  return Array.from({ length: CHANGES }, (_, seq) => {
    const kind = seq % 10 === 9 ? "professional" : "parent";
    return { seq, at: done - (CHANGES - seq) * 1000, type: "tap", clientKey: `bench-${tablet}-${seq}`, kind, firstTime: kind === "parent" ? seq % 3 === 0 : null };
  });
}

/** Every tablet sends its queue at the same moment; resolves when the last one has answered. */
async function sendAll(base, cookie, ids, queues, get, counted) {
  const start = performance.now();
  const answers = await Promise.all(
    ids.map(async (id, t) => {
      const sent = performance.now();
      try {
        const res = await get(`${base}/api/host/sessions/${id}/taps`, {
          method: "POST",
          // As the door page's fetch from a browser: same origin, JSON, the staff cookie; each tablet on its own network.
          headers: { "content-type": "application/json", origin: base, "sec-fetch-site": "same-origin", cookie, "x-forwarded-for": `10.200.0.${t + 1}` },
          body: JSON.stringify({ ops: queues[t] }),
        });
        const body = await res.json().catch(() => null);
        const ms = performance.now() - sent;
        const refused = (body?.results ?? []).filter((r) => !r.ok);
        const ok = res.status === 200 && body?.results?.length === CHANGES && refused.length === 0;
        const why = ok ? null : `session ${id}: HTTP ${res.status}, ${refused.length ? `refused ${[...new Set(refused.map((r) => r.error))].join(", ")}` : JSON.stringify(body).slice(0, 200)}`;
        return { ok, ms, total: body?.state?.tally?.total ?? null, why };
      } catch (error) {
        return { ok: false, ms: performance.now() - sent, total: null, why: `session ${id}: ${error.message}` };
      }
    }),
  );
  return {
    allMs: Math.round(performance.now() - start),
    slowestMs: Math.round(Math.max(...answers.map((a) => a.ms))),
    fastestMs: Math.round(Math.min(...answers.map((a) => a.ms))),
    failed: answers.filter((a) => !a.ok).map((a) => a.why),
    // What the server answered (the door's tally after the queue) and what the database holds.
    answeredTotals: answers.map((a) => a.total),
    visits: ids.map((id) => counted(id)),
  };
}

/** The round; `get` is the bench's fetch with a timeout. Returns its figures and whether each check held. */
export async function doorRound(base, db, get) {
  const userId = db.prepare("SELECT id FROM users WHERE email = ?").pluck().get(FACILITATOR);
  if (!userId) throw new Error(`no demo facilitator ${FACILITATOR} in the database`);
  const placeId = db.prepare("SELECT id FROM places WHERE archived_at IS NULL ORDER BY id LIMIT 1").pluck().get();
  // One more session, for a warm-up queue: the round measures a server that has served the door before.
  const [warmUp, ...ids] = doorSessions(db, placeId, userId, TABLETS + 1);
  const cookie = signIn(db, userId);
  const perSession = db.prepare("SELECT COUNT(*) AS visits, COUNT(DISTINCT client_key) AS keys FROM visits WHERE session_id = ?");
  const counted = (id) => perSession.get(id);
  const queues = ids.map((_, t) => queue(t));

  const warm = await sendAll(base, cookie, [warmUp], [queue(TABLETS)], get, counted);
  if (warm.failed.length) throw new Error(`the door's warm-up queue failed: ${warm.failed[0]}`);

  const first = await sendAll(base, cookie, ids, queues, get, counted);
  const retry = await sendAll(base, cookie, ids, queues, get, counted);
  const exactly = (r) => r.visits.every((v) => v.visits === CHANGES && v.keys === CHANGES) && r.answeredTotals.every((n) => n === CHANGES);
  const checks = {
    allAnswered: first.failed.length === 0 && retry.failed.length === 0,
    countedOnce: exactly(first),
    retryUnchanged: exactly(retry),
    withinAim: first.allMs <= AIM_MS,
  };
  return { tablets: TABLETS, changes: CHANGES, aimMs: AIM_MS, sessions: ids, first, retry, checks };
}

export function doorLines(r) {
  const v = (x) => (x.visits.every((c) => c.visits === CHANGES) ? `${CHANGES} in each session` : x.visits.map((c) => c.visits).join(", "));
  return [
    `Door sync: ${r.tablets} tablets, each sending a queue of ${r.changes} taps at once to its own session today (POST /api/host/sessions/{id}/taps)`,
    `all ${r.tablets} answered in ${r.first.allMs} ms (each tablet ${r.first.fastestMs}–${r.first.slowestMs} ms; aim: within ${r.aimMs} ms) ${r.checks.withinAim ? "met" : "NOT met"}`,
    `visits in the database: ${v(r.first)}, each counted once: ${r.checks.countedOnce ? "yes" : "NO"}`,
    `the same ${r.tablets} queues again (a retry): all answered in ${r.retry.allMs} ms; visits: ${v(r.retry)}, unchanged: ${r.checks.retryUnchanged ? "yes" : "NO"}`,
    ...[...r.first.failed, ...r.retry.failed].slice(0, 5).map((why) => `  failed: ${why}`),
  ];
}
