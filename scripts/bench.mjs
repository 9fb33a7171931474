// `npm run bench`: measures the production server on this machine and prints figures. Rounds:
// booking throughput through the no-JavaScript form post vs. a trivial baseline route, a capacity
// race, the JavaScript each public page loads, Lighthouse, and the door's sync under load. The
// server keeps its production limits and sits behind one (simulated) trusted proxy, so every
// simulated parent has an address of its own. A round whose requests fail for any reason but the
// app's own refusals prints FAILED and makes the exit status non-zero; a round during which the
// machine was busy (load average above one per core) says so. Talks only to localhost, uses a
// throw-away database and mailbox, and stops by itself. Results also go to bench-results/bench.json.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import Database from "better-sqlite3";
import { buildIfNeeded } from "./start.mjs";
import { startMailCatcher } from "./mail-catcher.mjs";
import { lighthouseRound, lighthouseLines } from "./lighthouse.mjs";
import { doorLines, doorRound } from "./bench-door.mjs";

const root = path.resolve(import.meta.dirname, "..");
const CLIENTS = 50;
const WARMUP = 100;
const MAX_REQUESTS = 2000;
const MAX_SECONDS = 15;
const BIG_SESSIONS = 20;
const RACE_CAPACITY = 25;
const RACE_CLIENTS = 2 * RACE_CAPACITY;
const GZIP_AIM_KIB = 160;
const CORES = os.cpus().length;
// The answers the booking form gives when the app's limits refuse a booking, as a parent reads them.
const fi = JSON.parse(fs.readFileSync(path.join(root, "messages/fi.json"), "utf8"));
// Their words before the first value ({phone}, {max}): the rest depends on the place and the limits.
const lead = (message) => message.split("{")[0].trim();
const REFUSALS = { rateLimited: lead(fi.errors.rateLimited), seatCap: lead(fi.errors.seatCap) };

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
// Every request has a timeout, so a stuck server cannot hang the benchmark.
const get = (url, init = {}) => fetch(url, { signal: AbortSignal.timeout(30_000), ...init });

/** The preferred port when it is free, else any free one. */
function freePort(preferred, host) {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(freePort(0, host)));
    probe.listen(preferred, host, () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Runs one round between two readings of the 1-minute load average. Busy when either was above
 * one per core: other work then had the cores too, and the round's figures say little. The bench's
 * own client and server count in the reading after the round.
 */
async function underLoad(round) {
  const before = os.loadavg()[0];
  const result = await round();
  const after = os.loadavg()[0];
  return { result, load: { before: +before.toFixed(2), after: +after.toFixed(2), busy: Math.max(before, after) > CORES } };
}
const loadLine = (load) => `load average ${load.before} before, ${load.after} after (${CORES} cores)${load.busy ? ": machine busy — rerun" : ""}`;

// A parent books once: every booking request comes from an address of its own (10.0.0.0/8, handed
// out in turn), sent in X-Forwarded-For as the trusted proxy in front of the server would.
let addresses = 0;
function freshAddress() {
  const n = ++addresses;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

/** The environment without settings that loosen the booking limits: the bench measures the production ones. */
function productionLimits(env) {
  const { BOOKING_RATE_LIMIT, BOOKING_RATE_WINDOW_SECONDS, BOOKING_SEATS_PER_CLIENT, ...rest } = env;
  const dropped = Object.entries({ BOOKING_RATE_LIMIT, BOOKING_RATE_WINDOW_SECONDS, BOOKING_SEATS_PER_CLIENT }).filter(([, v]) => v !== undefined);
  if (dropped.length) console.log(`[bench] ignoring ${dropped.map(([k]) => k).join(", ")}: the bench keeps the production limits`);
  return rest;
}

/** Polls until the URL answers 200; false when the time is up or the server died. */
async function waitFor(url, seconds, alive) {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until && alive()) {
    try {
      const res = await get(url, { signal: AbortSignal.timeout(5000) });
      await res.arrayBuffer();
      if (res.status === 200) return true;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  return false;
}

const decode = (s) =>
  s.replace(/&(quot|amp|lt|gt|#x27|#39);/g, (_, e) => ({ quot: '"', amp: "&", lt: "<", gt: ">", "#x27": "'", "#39": "'" })[e]);

function attributes(tag) {
  const attrs = {};
  for (const m of tag.matchAll(/([^\s=<>/"]+)(?:="([^"]*)")?/g)) attrs[m[1].toLowerCase()] = decode(m[2] ?? "");
  return attrs;
}

/**
 * The hidden inputs of the booking form, as React renders them for a browser without JavaScript:
 * besides sessionId and locale, the server action's id and bound state ($ACTION_REF_n, $ACTION_n:k,
 * $ACTION_KEY). They are the same on every render, so one fetch per session is enough.
 */
async function bookingForm(base, sessionId) {
  const url = `${base}/fi/sessions/${sessionId}`;
  const html = await (await get(url)).text();
  const form = html.match(/<form\b[\s\S]*?<\/form>/g)?.find((f) => f.includes('name="sessionId"'));
  if (!form) throw new Error(`no booking form on ${url}`);
  const hidden = [...form.matchAll(/<input\b[^>]*>/g)].map((m) => attributes(m[0])).filter((a) => a.type === "hidden");
  if (!hidden.some((a) => a.name.startsWith("$ACTION_"))) throw new Error(`no server action fields on ${url}`);
  return { url, hidden: hidden.map((a) => [a.name, a.value]) };
}

/**
 * Posts the form as a browser without JavaScript would, from a fresh address. The outcome: "booked"
 * (with the manage path), one of the app's refusals ("rateLimited", "seatCap"), or "error" (with
 * what came back): anything else, which is a failure of the round.
 */
async function book(form, n) {
  const body = new FormData();
  for (const [name, value] of form.hidden) body.append(name, value);
  // A browser sends every text field, empty or not (the action rejects a missing one).
  const fields = { nickname: `bench ${n}`, partySize: "1", email: `bench-${n}@example.com`, interpreterLanguage: "", accessibilityNeeds: "", consent: "on" };
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  // Browsers send Origin with a form post; Next checks it against Host (and warns when it is missing).
  const res = await get(form.url, { method: "POST", body, redirect: "manual", headers: { origin: new URL(form.url).origin, "x-forwarded-for": freshAddress() } });
  const html = decode(await res.text());
  // Success, as observed: 303 See Other, empty body, Location: /fi/manage/<token>?new=1.
  const to = res.headers.get("location") ?? res.headers.get("x-action-redirect") ?? "";
  if (res.status >= 300 && res.status < 400 && /^\/fi\/manage\/[\w-]+\?new=1$/.test(to)) return { outcome: "booked", to };
  // A refusal is the form again (200) with the limit's message for the whole form.
  const refusal = res.status === 200 ? Object.keys(REFUSALS).find((k) => html.includes(REFUSALS[k])) : undefined;
  if (refusal) return { outcome: refusal };
  // What the form said, if it answered with another message (ErrorSummary's title).
  const said = html.match(/id="error-summary-title"[^>]*>([^<]{1,160})/)?.[1];
  return { outcome: "error", why: `HTTP ${res.status}${to ? ` to ${to}` : ""}${said ? `: "${said}"` : ""}` };
}

/** A request that threw (a timeout, a reset connection) is an error too. */
const attempt = (request, n) =>
  request(n).catch((error) => ({ outcome: "error", why: [error.message, error.cause?.code ?? error.cause?.message].filter(Boolean).join(": ") }));

/**
 * CLIENTS loops sharing one request counter; stops at `total` requests or after `seconds`. A
 * request answers with an outcome (see book): "booked"/"ok" counts, a refusal is counted apart,
 * anything else is an error.
 */
async function load(request, total, seconds) {
  const latencies = [];
  let issued = 0;
  let errors = 0;
  const refusals = Object.fromEntries(Object.keys(REFUSALS).map((k) => [k, 0]));
  const why = new Map();
  const start = performance.now();
  const cpu = process.cpuUsage();
  const deadline = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (issued < total && performance.now() < deadline) {
        const n = issued++;
        const t = performance.now();
        const r = await attempt(request, n);
        latencies.push(performance.now() - t);
        if (r.outcome in refusals) refusals[r.outcome]++;
        else if (r.outcome === "error") {
          errors++;
          why.set(r.why, (why.get(r.why) ?? 0) + 1);
        }
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  // The load generator runs on the same cores as the server: show how much of them it took.
  const { user, system } = process.cpuUsage(cpu);
  latencies.sort((a, b) => a - b);
  const pct = (p) => Math.round(latencies[Math.max(0, Math.ceil((p / 100) * latencies.length) - 1)] ?? NaN);
  // Requests per second counts only the successful ones, so refusals and failures cannot flatter the figure.
  const refused = Object.values(refusals).reduce((a, b) => a + b, 0);
  return {
    requests: issued,
    refusals,
    errors,
    errorKinds: Object.fromEntries([...why].sort((a, b) => b[1] - a[1]).slice(0, 5)),
    seconds: +elapsed.toFixed(2),
    rps: +((issued - refused - errors) / elapsed).toFixed(1),
    p50Ms: pct(50),
    p95Ms: pct(95),
    clientCpuPct: Math.round((user + system) / 1e4 / elapsed),
  };
}

/** Raw and gzip bytes of every module script a page loads (nomodule polyfills are skipped). */
async function pageScripts(base, pagePath, cache) {
  const res = await get(base + pagePath);
  const html = await res.text();
  if (res.status !== 200) throw new Error(`${pagePath} answered ${res.status}`);
  const srcs = new Set();
  for (const m of html.matchAll(/<script\b[^>]*>/gi)) {
    const a = attributes(m[0]);
    if (a.src && !("nomodule" in a)) srcs.add(new URL(a.src, base + pagePath).href);
  }
  let raw = 0;
  let gzip = 0;
  for (const src of srcs) {
    if (!cache.has(src)) {
      // fetch() undoes the server's own compression, so this is the raw file; gzip it ourselves
      // at level 9 so every figure is measured the same way.
      const body = Buffer.from(await (await get(src)).arrayBuffer());
      cache.set(src, { raw: body.length, gzip: zlib.gzipSync(body, { level: 9 }).length });
    }
    raw += cache.get(src).raw;
    gzip += cache.get(src).gzip;
  }
  const kib = (b) => +(b / 1024).toFixed(1);
  return { page: pagePath, scripts: srcs.size, rawKiB: kib(raw), gzipKiB: kib(gzip), withinAim: gzip <= GZIP_AIM_KIB * 1024 };
}

// ---------------------------------------------------------------- reach
// The reach dashboard at national scale, on the file `npm run seed:large` makes. It runs the app's
// own TypeScript (scripts/bench-reach.ts) through tsx in a child process and prints its figures; the
// server rounds below do not depend on it. BENCH_ONLY=reach runs this section alone.
const REACH_DB = path.resolve(process.env.REACH_BENCH_DB ?? path.join(root, "data/kohtaamo-large.db"));
const REACH_AIM_MS = 200;

function reachSection() {
  if (!fs.existsSync(REACH_DB)) {
    return {
      lines: ["", `Reach: skipped, no large data set at ${REACH_DB}.`, "Create it with `npm run seed:large` (about a minute), then run `npm run bench` again."],
      results: { skipped: true, file: REACH_DB },
    };
  }
  console.log("[bench] reach round…");
  const before = os.loadavg()[0];
  const r = spawnSync(path.join(root, "node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/bench-reach.ts", REACH_DB], { cwd: root, encoding: "utf8", timeout: 600_000 });
  const after = os.loadavg()[0];
  const load = { before: +before.toFixed(2), after: +after.toFixed(2), busy: Math.max(before, after) > CORES };
  if (r.status !== 0) return { lines: ["", `Reach: failed\n${r.stderr}`], results: { failed: true } };
  const b = JSON.parse(r.stdout.trim().split("\n").at(-1));
  const widths = [24, 9, 13, 12, 12, 7];
  const row = (cells) => cells.map((c, i) => String(c)[i ? "padStart" : "padEnd"](widths[i])).join("  ");
  const whole = b.periods[0];
  return {
    lines: [
      "",
      `Reach dashboard on ${b.file} (${b.fileMiB} MiB: ${b.rows.places} places, ${b.rows.sessions} sessions, ${b.rows.visits} visits, ${b.rows.bookings} bookings); median of ${b.runs} runs`,
      row(["period", "visits", "dashboard ms", "reached ms", "bare SQL ms", "ratio"]),
      ...b.periods.map((p) => row([p.period, p.visits, p.dashboardMs, p.parentsReachedAppMs, p.parentsReachedBareSqlMs, p.ratio])),
      `whole dashboard, whole project: ${whole.dashboardMs} ms (aim: under ${REACH_AIM_MS} ms) ${whole.dashboardMs < REACH_AIM_MS ? "met" : "NOT met"}`,
      `parents reached, app / bare SQL: ${b.periods.map((p) => p.ratio).join(" and ")} (aim: at most 1.5) ${b.periods.every((p) => p.ratio <= 1.5) ? "met" : "NOT met"}; same count: ${b.periods.every((p) => p.agrees) ? "yes" : "NO"}`,
      "(dashboard = every headline figure for the period and the one before, the series, the breakdowns by place and kind, first-time/returning and feedback;",
      " reached = the app's parents-reached query on its summaries; bare SQL = COUNT(DISTINCT person) over visits joined to sessions)",
      loadLine(load),
    ],
    results: { ...b, load },
  };
}

// BENCH_ONLY runs one part: reach (no server), booking (throughput, contention and the JavaScript
// per page), lighthouse, or door; without it, all of them.
const ONLY = process.env.BENCH_ONLY;
if (ONLY && !["reach", "booking", "lighthouse", "door"].includes(ONLY)) {
  console.error(`[bench] BENCH_ONLY=${ONLY}: expected reach, booking, lighthouse or door`);
  process.exit(2);
}
const runs = (part) => !ONLY || ONLY === part;

if (ONLY === "reach") {
  const reach = reachSection();
  console.log(reach.lines.join("\n"));
  process.exit(0);
}

buildIfNeeded(); // exits with the build's status when the build fails
const reach = runs("reach") ? reachSection() : { lines: [], results: { skipped: true } };

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "kohtaamo-bench-"));
let server;
let mail;
let db;
let serverLog = "";
let exitCode = 0;
// The rounds whose checks did not hold, named at the end of the report.
const failed = [];

try {
  const dbPath = path.join(tmp, "kohtaamo.db");
  const mailPort = await freePort(2600, "127.0.0.1");
  mail = await startMailCatcher({ port: mailPort, dir: path.join(tmp, "mail") });
  const port = await freePort(3300, "localhost");
  const base = `http://localhost:${port}`;

  server = spawn(process.execPath, [path.join(root, "scripts/server.mjs"), "--port", String(port), "--hostname", "localhost"], {
    cwd: root,
    env: {
      ...productionLimits(process.env),
      DATABASE_PATH: dbPath,
      SMTP_URL: `smtp://localhost:${mailPort}`,
      APP_URL: base,
      // As in production behind one reverse proxy: the client is the last X-Forwarded-For entry.
      TRUSTED_PROXY_HOPS: "1",
      OUTBOX_INTERVAL_MS: "1000",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let running = true;
  server.on("exit", () => (running = false));
  server.stdout.on("data", (d) => (serverLog += d));
  server.stderr.on("data", (d) => (serverLog += d));

  console.log(`[bench] server on ${base}, database ${dbPath}`);
  // Health answers before the first page has migrated and seeded the database, so wait for both.
  if (!(await waitFor(`${base}/api/health`, 60, () => running)) || !(await waitFor(`${base}/fi`, 60, () => running))) {
    console.error(`[bench] the server did not start. Its output:\n${serverLog}`);
    exitCode = 1;
    throw null; // already reported: skip the rounds, still clean up
  }

  // Bench data goes straight into the server's database (WAL mode, so a second connection is fine).
  db = new Database(dbPath);
  db.pragma("busy_timeout = 10000");
  const infoEvening = db.prepare("SELECT id FROM sessions WHERE kind = 'info_evening' ORDER BY id LIMIT 1").pluck().get();
  const dropIn = db.prepare("SELECT id FROM sessions WHERE kind = 'drop_in' AND starts_at > ? ORDER BY starts_at LIMIT 1").pluck().get(Date.now());
  const placeId = db.prepare("SELECT id FROM places ORDER BY id LIMIT 1").pluck().get();
  const insert = db.prepare(
    `INSERT INTO sessions (place_id, kind, starts_at, ends_at, title, description, languages, capacity, max_party_size, status)
     VALUES (?, 'info_evening', ?, ?, ?, ?, '["fi"]', ?, 4, 'scheduled')`,
  );
  const text = (s) => JSON.stringify({ fi: s, sv: s, en: s });
  const day = 86_400_000;
  // A year ahead, out of the way of the demo weeks.
  const addSession = (i, capacity) =>
    Number(insert.run(placeId, Date.now() + (365 + i) * day, Date.now() + (365 + i) * day + 7_200_000, text(`Bench ${i}`), text("Benchmark session"), capacity).lastInsertRowid);
  const bigIds = Array.from({ length: BIG_SESSIONS }, (_, i) => addSession(i, 100_000));
  const raceId = addSession(BIG_SESSIONS, RACE_CAPACITY);

  // The parents' pages Lighthouse opens: a group's page with its booking form, a manage page of a
  // booking just made on it, and a feedback form whose link the bench makes itself.
  const group = db.prepare("SELECT id FROM sessions WHERE kind = 'group' AND starts_at > ? ORDER BY starts_at LIMIT 1").pluck().get(Date.now());
  const feedbackSession = db.prepare("SELECT id FROM sessions WHERE ends_at < ? ORDER BY ends_at DESC LIMIT 1").pluck().get(Date.now());

  const bookingRounds = async () => {
    const forms = await Promise.all(bigIds.map((id) => bookingForm(base, id)));
    let manageUrl = null;
    const bookBig = async (n) => {
      const r = await book(forms[n % forms.length], n);
      if (r.outcome === "booked") manageUrl ??= r.to;
      return r;
    };
    const health = async () => {
      const res = await get(`${base}/api/health/live`);
      const body = await res.text();
      return res.status === 200 && body === "ok" ? { outcome: "ok" } : { outcome: "error", why: `HTTP ${res.status}` };
    };

    console.log("[bench] throughput round…");
    await load((n) => bookBig(1_000_000 + n), WARMUP, MAX_SECONDS); // warm-up, not counted
    const { result: booking, load: bookingLoad } = await underLoad(() => load(bookBig, MAX_REQUESTS, MAX_SECONDS));
    await load(health, WARMUP, MAX_SECONDS);
    const { result: baseline, load: baselineLoad } = await underLoad(() => load(health, MAX_REQUESTS, MAX_SECONDS));
    Object.assign(booking, { load: bookingLoad });
    Object.assign(baseline, { load: baselineLoad });
    const ratio = +(booking.rps / baseline.rps).toFixed(2);
    // Each booking with an address queues a confirmation, which the server sends in the background
    // (reminders are queued too, but not due yet).
    const { mailQueued, mailSent } = db
      .prepare("SELECT COUNT(*) AS mailQueued, COUNT(sent_at) AS mailSent FROM outbox WHERE not_before <= ?")
      .get(Date.now());
    const throughputFailed = booking.errors > 0 || baseline.errors > 0;
    if (throughputFailed) failed.push("throughput");

    // The race: RACE_CLIENTS parents, each from its own address, book one seat at the same moment.
    console.log("[bench] contention round…");
    const raceForm = await bookingForm(base, raceId);
    const { result: raceAnswers, load: raceLoad } = await underLoad(() =>
      Promise.all(Array.from({ length: RACE_CLIENTS }, (_, i) => attempt((n) => book(raceForm, n), 2_000_000 + i))),
    );
    // Checked in the database, not taken from the answers.
    const capacity = db.prepare("SELECT capacity FROM sessions WHERE id = ?").pluck().get(raceId);
    const seats = db.prepare("SELECT COALESCE(SUM(party_size), 0) FROM bookings WHERE session_id = ? AND status = 'confirmed'").pluck().get(raceId);
    const waitlisted = db.prepare("SELECT COUNT(*) FROM bookings WHERE session_id = ? AND status = 'waitlisted'").pluck().get(raceId);
    const rows = db.prepare("SELECT COUNT(*) FROM bookings WHERE session_id = ?").pluck().get(raceId);
    const rowOf = db.prepare("SELECT 1 FROM bookings WHERE session_id = ? AND token_hash = ?").pluck();
    const booked = raceAnswers.filter((a) => a.outcome === "booked");
    // The manage link's token is the booking's key (only its SHA-256 is stored).
    const tokenOf = (to) => decodeURIComponent(to.split("/")[3].split("?")[0]);
    const withRow = booked.filter((a) => rowOf.get(raceId, createHash("sha256").update(tokenOf(a.to)).digest("hex"))).length;
    const count = (outcome) => raceAnswers.filter((a) => a.outcome === outcome).length;
    const contention = {
      clients: RACE_CLIENTS,
      capacity,
      booked: booked.length,
      refusals: Object.fromEntries(Object.keys(REFUSALS).map((k) => [k, count(k)])),
      errors: count("error"),
      errorKinds: [...new Set(raceAnswers.filter((a) => a.outcome === "error").map((a) => a.why))].slice(0, 5),
      confirmedSeats: seats,
      waitlisted,
      overbooked: Math.max(0, seats - capacity),
      rows,
      withRow,
      load: raceLoad,
    };
    contention.asExpected =
      contention.booked === RACE_CLIENTS &&
      seats === capacity &&
      waitlisted === RACE_CLIENTS - capacity &&
      contention.overbooked === 0 &&
      withRow === booked.length &&
      rows === booked.length;
    if (!contention.asExpected) failed.push("contention");

    console.log("[bench] JavaScript per page…");
    const pages = ["/fi", "/sv", "/en", "/fi/places/tikkurila", `/fi/sessions/${dropIn}`, `/fi/sessions/${infoEvening}`];
    if (manageUrl) pages.push(manageUrl);
    const cache = new Map();
    const javascript = [];
    for (const p of pages) javascript.push(await pageScripts(base, p, cache));

    // The report.
    const row = (cells, widths) => cells.map((c, i) => String(c)[i ? "padStart" : "padEnd"](widths[i])).join("  ");
    const loadWidths = [9, 9, 8, 7, 7, 7, 7, 11, 0];
    const refusedOf = (r) => Object.values(r.refusals).reduce((a, b) => a + b, 0);
    const busy = (l) => `${l.before} → ${l.after}${l.busy ? "  machine busy — rerun" : ""}`;
    const failures = (name, r) => Object.entries(r.errorKinds).map(([why, n]) => `  ${name}: ${n} × ${why}`);
    const refusalNames = (counts) =>
      Object.entries(counts)
        .map(([k, n]) => `${k} ${n}`)
        .join(", ");
    const out = [
      "",
      `Throughput: ${CLIENTS} concurrent clients, up to ${MAX_REQUESTS} requests or ${MAX_SECONDS} s, after ${WARMUP} warm-up requests; every booking from an address of its own`,
      row(["", "requests", "refused", "errors", "req/s", "p50 ms", "p95 ms", "client CPU", "load before → after"], loadWidths),
      ...[["booking", booking], ["baseline", baseline]].map(([name, r]) =>
        row([name, r.requests, refusedOf(r), r.errors, r.rps, r.p50Ms, r.p95Ms, `${r.clientCpuPct} %`, busy(r.load)], loadWidths),
      ),
      `booking / baseline req/s: ${ratio} (aim: at least 0.5) ${ratio >= 0.5 ? "met" : "NOT met"}`,
      `(booking = no-JS multipart POST of the booking form with the production limits on; refused = the form's own answers (${refusalNames(booking.refusals)});`,
      " errors = anything else that is not the manage redirect; req/s counts bookings made only;",
      ` client CPU = this process's share of one core; by then the server had sent ${mailSent} of ${mailQueued} due e-mails)`,
      ...(throughputFailed ? ["FAILED: requests failed for a reason other than the app's limits", ...failures("booking", booking), ...failures("baseline", baseline)] : []),
      "",
      `Contention: ${RACE_CLIENTS} clients, each from its own address, book 1 seat at once for a session of capacity ${capacity}`,
      `answered: ${contention.booked} with the manage redirect; refused: ${refusalNames(contention.refusals)}; errors: ${contention.errors}`,
      `confirmed ${seats}, waitlisted ${waitlisted}, overbooked ${contention.overbooked}`,
      `database: confirmed party sizes sum to ${seats} of capacity ${capacity}; ${rows} booking rows, ${withRow} of ${booked.length} answered requests have theirs`,
      loadLine(raceLoad),
      contention.asExpected
        ? `as expected (${capacity} confirmed, ${RACE_CLIENTS - capacity} waitlisted, 0 overbooked, a row for every answer)`
        : `FAILED: expected ${RACE_CLIENTS} manage redirects, ${capacity} confirmed, ${RACE_CLIENTS - capacity} waitlisted, 0 overbooked and a row for every answer`,
      ...contention.errorKinds.map((why) => `  contention: ${why}`),
      "",
      `JavaScript per page (module scripts; gzip -9 of each file; aim: gzip <= ${GZIP_AIM_KIB} KiB)`,
      row(["page", "scripts", "raw KiB", "gzip KiB", "aim"], [34, 7, 8, 8, 4]),
      ...javascript.map((j) =>
        row([j.page.length > 34 ? j.page.slice(0, 31) + "…" : j.page, j.scripts, j.rawKiB, j.gzipKiB, j.withinAim ? "met" : "NOT"], [34, 7, 8, 8, 4]),
      ),
    ];
    return {
      lines: out,
      results: {
        settings: { clients: CLIENTS, warmup: WARMUP, maxRequests: MAX_REQUESTS, maxSeconds: MAX_SECONDS, trustedProxyHops: 1 },
        throughput: { booking, baseline, ratio, aim: 0.5, mailQueued, mailSent, failed: throughputFailed },
        contention,
        javascript: { aimGzipKiB: GZIP_AIM_KIB, pages: javascript.map((j) => ({ ...j, page: j.page.replace(/manage\/[^?]+/, "manage/<token>") })) },
      },
    };
  };

  const lighthousePages = async () => {
    const manage = await book(await bookingForm(base, group), 3_000_000);
    if (manage.outcome !== "booked") throw new Error(`the group's booking form did not answer with a manage link (${manage.outcome}${manage.why ? `: ${manage.why}` : ""})`);
    const key = "benchFeedbk1"; // 12 characters, the shape of a real key
    db.prepare("INSERT OR IGNORE INTO feedback_links (key, session_id, expires_at, created_at) VALUES (?, ?, ?, ?)").run(key, feedbackSession, Date.now() + 7 * day, Date.now());
    return [
      ["front", "/fi"],
      ["place", "/fi/places/tikkurila"],
      ["drop-in", `/fi/sessions/${dropIn}`],
      ["group + form", `/fi/sessions/${group}`],
      ["info evening", `/fi/sessions/${infoEvening}`],
      ["manage", manage.to],
      ["feedback form", `/fi/feedback/${key}`],
      ["privacy", "/fi/privacy"],
      ["you said, we did", "/fi/you-said-we-did"],
    ].map(([name, p]) => [name, base + p]);
  };

  const lighthouseSection = async () => {
    console.log("[bench] Lighthouse round…");
    // Each run's full report stays in bench-results/lighthouse/ (open one in the Lighthouse viewer).
    const lhPages = await lighthousePages();
    const { result: pages, load: loadAvg } = await underLoad(() => lighthouseRound(lhPages, path.join(root, "bench-results/lighthouse")));
    // Beside the scores, the JavaScript each page loads (gzip -9), measured as in the round above.
    const jsCache = new Map();
    for (const [i, [, url]] of lhPages.entries()) pages[i].jsGzipKiB = (await pageScripts(base, new URL(url).pathname + new URL(url).search, jsCache)).gzipKiB;
    return { lines: [...lighthouseLines(pages), loadLine(loadAvg)], results: { pages, load: loadAvg } };
  };

  // Last, because its sessions happen today and would show on the front page Lighthouse measures.
  const doorSection = async () => {
    console.log("[bench] door sync round…");
    const { result: door, load: loadAvg } = await underLoad(() => doorRound(base, db, get));
    const ok = Object.entries(door.checks).filter(([name]) => name !== "withinAim").every(([, held]) => held);
    if (!ok) failed.push("door sync");
    return {
      lines: ["", ...doorLines(door), loadLine(loadAvg), ...(ok ? [] : ["FAILED: a queue was refused, or a tap was not counted exactly once"])],
      results: { ...door, load: loadAvg },
    };
  };

  const skipped = { lines: [], results: {} };
  const rounds = runs("booking") ? await bookingRounds() : skipped;
  const lighthouse = runs("lighthouse") ? await lighthouseSection() : skipped;
  const door = runs("door") ? await doorSection() : skipped;

  const out = [
    "",
    `Kohtaamo benchmark: ${new Date().toISOString()}, Node ${process.version}, ${CORES} cores (client and server share them)`,
    "load average = the 1-minute figure before and after each timed round; above one per core the round is marked: other work skews its figures",
    ...rounds.lines,
    ...lighthouse.lines,
    ...door.lines,
    ...reach.lines,
    "",
    failed.length ? `FAILED: ${failed.join(", ")}` : "every round's checks held",
  ];
  console.log(out.join("\n"));
  if (failed.length) exitCode = 1;

  fs.mkdirSync(path.join(root, "bench-results"), { recursive: true });
  const results = {
    date: new Date().toISOString(),
    node: process.version,
    cores: CORES,
    ...rounds.results,
    lighthouse: lighthouse.results.pages,
    lighthouseLoad: lighthouse.results.load,
    door: door.results,
    reach: reach.results,
    failed,
  };
  fs.writeFileSync(path.join(root, "bench-results/bench.json"), JSON.stringify(results, null, 2) + "\n");
  console.log("[bench] written to bench-results/bench.json");
} catch (error) {
  if (error !== null) {
    console.error("[bench] failed:", error);
    if (server && (server.exitCode !== null || server.signalCode !== null)) {
      console.error(`[bench] the server had exited (code ${server.exitCode}, signal ${server.signalCode})`);
    }
    if (serverLog) console.error(`[bench] server output:\n${serverLog.slice(-4000)}`);
    exitCode = 1;
  }
} finally {
  db?.close();
  if (server && server.exitCode === null && server.signalCode === null) {
    const exited = new Promise((r) => server.once("exit", r));
    server.kill("SIGTERM");
    if (!(await Promise.race([exited.then(() => true), sleep(5000)]))) server.kill("SIGKILL");
  }
  // The server is gone, so no SMTP connection keeps the catcher open.
  await new Promise((r) => (mail ? mail.close(r) : r()));
  fs.rmSync(tmp, { recursive: true, force: true });
}
process.exit(exitCode);
