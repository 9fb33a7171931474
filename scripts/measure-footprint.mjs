// How much memory and disk a Kohtaamo server needs, measured rather than guessed (docs/deploy.md
// quotes these figures). For each data set it starts the production server (scripts/server.mjs,
// so build first: `npm run build`), warms up the parents' pages, the planner's pages and the
// reach dashboard over several periods, then reads the server's resident memory from /proc and
// the database's size on disk.
//
//   node scripts/measure-footprint.mjs [--large data/kohtaamo-large.db] [--national] [--rounds 30] [--heap 256]
//
// --heap caps V8's heap in MiB as deploy/kohtaamo.service and the Dockerfile do
// (--max-old-space-size); --heap 0 leaves it uncapped, and V8 then grows into whatever the
// machine has, so RSS keeps creeping up over the rounds without being needed.
//
// Data sets: "demo" (a fresh database with the demo data); "county" (the busiest of the 12
// counties cut out of the national set `npm run seed:large` writes: about 1/12 of it); with
// --national, the whole national set too. Copies are made in a temporary folder; the source files
// are not changed. Linux only (reads /proc/<pid>/status).
import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";

const root = path.resolve(import.meta.dirname, "..");
const { values } = parseArgs({
  options: {
    large: { type: "string", default: path.join(root, "data/kohtaamo-large.db") },
    national: { type: "boolean", default: false },
    rounds: { type: "string", default: "30" },
    heap: { type: "string", default: "256" },
  },
});
const rounds = Number(values.rounds);
const heap = Number(values.heap);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "kohtaamo-footprint-"));
const MiB = 1024 * 1024;

async function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "localhost", () => {
      const { port } = /** @type {net.AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

/** Resident memory of a process, now and at its peak, from /proc. @param {number} pid */
function memoryOf(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kib = (/** @type {string} */ field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
  return { rss: kib("VmRSS") * 1024, peak: kib("VmHWM") * 1024 };
}

/** The database and its -wal, as they sit on disk. @param {string} file */
function diskOf(file) {
  return [file, `${file}-wal`, `${file}-shm`].reduce((sum, f) => sum + (fs.existsSync(f) ? fs.statSync(f).size : 0), 0);
}

/**
 * Cuts one county out of the national set: every row that belongs to another county's places goes,
 * then VACUUM gives back the space, as a county that had only ever run its own places would have.
 * @param {string} source @param {string} target
 */
function cutCounty(source, target) {
  fs.copyFileSync(source, target);
  const db = new Database(target);
  db.pragma("foreign_keys = OFF");
  const county = /** @type {{ county: number }} */ (
    db.prepare("SELECT p.county_id AS county FROM visits v JOIN sessions s ON s.id = v.session_id JOIN places p ON p.id = s.place_id GROUP BY p.county_id ORDER BY count(*) DESC LIMIT 1").get()
  ).county;
  db.transaction(() => {
    db.prepare("CREATE TEMP TABLE kept_places AS SELECT id FROM places WHERE county_id = ?").run(county);
    db.exec(`
      CREATE TEMP TABLE gone AS SELECT id FROM sessions WHERE place_id NOT IN (SELECT id FROM kept_places);
      CREATE TEMP TABLE gone_groups AS SELECT id FROM session_groups WHERE place_id NOT IN (SELECT id FROM kept_places);
      DELETE FROM attendance WHERE session_id IN (SELECT id FROM gone);
      DELETE FROM visits WHERE session_id IN (SELECT id FROM gone);
      DELETE FROM feedback_responses WHERE session_id IN (SELECT id FROM gone);
      DELETE FROM feedback_links WHERE session_id IN (SELECT id FROM gone);
      DELETE FROM concern_actions WHERE concern_id IN (SELECT id FROM concerns WHERE session_id IN (SELECT id FROM gone));
      DELETE FROM concerns WHERE session_id IN (SELECT id FROM gone);
      DELETE FROM outbox WHERE booking_id IN (SELECT id FROM bookings WHERE session_id IN (SELECT id FROM gone) OR group_id IN (SELECT id FROM gone_groups));
      DELETE FROM bookings WHERE session_id IN (SELECT id FROM gone) OR group_id IN (SELECT id FROM gone_groups);
      DELETE FROM session_facilitators WHERE session_id IN (SELECT id FROM gone);
      DELETE FROM reach_person_visits WHERE session_id IN (SELECT id FROM gone);
      DELETE FROM reach_sessions WHERE session_id IN (SELECT id FROM gone);
      DELETE FROM sessions WHERE id IN (SELECT id FROM gone);
      DELETE FROM session_groups WHERE id IN (SELECT id FROM gone_groups);
      DELETE FROM series WHERE place_id NOT IN (SELECT id FROM kept_places);
      DELETE FROM you_said_we_did WHERE place_id NOT IN (SELECT id FROM kept_places);
      DELETE FROM places WHERE id NOT IN (SELECT id FROM kept_places);
      DELETE FROM visitor_codes WHERE code NOT IN (SELECT visitor_code FROM visits WHERE visitor_code IS NOT NULL)
        AND code NOT IN (SELECT visitor_code FROM bookings WHERE visitor_code IS NOT NULL);
      DELETE FROM reach_dirty;
    `);
  })();
  db.exec("ANALYZE");
  db.pragma("journal_mode = DELETE");
  db.exec("VACUUM");
  db.close();
  return county;
}

/** A planner and a session cookie for them, written into the database the server uses. @param {string} file */
function plannerCookie(file) {
  const db = new Database(file);
  db.pragma("busy_timeout = 5000");
  const id = randomBytes(8).toString("hex");
  db.prepare("INSERT INTO users (id, name, email, role, locale) VALUES (?, 'Footprint', ?, 'admin', 'fi')").run(id, `footprint-${id}@kohtaamo.local`);
  const token = `${Date.now().toString(36)}.${randomBytes(32).toString("base64url")}`;
  db.prepare("INSERT INTO auth_sessions (session_token, user_id, expires) VALUES (?, ?, ?)").run(createHash("sha256").update(token).digest("hex"), id, Date.now() + 3_600_000);
  const pages = {
    session: /** @type {{ id: number } | undefined} */ (db.prepare("SELECT id FROM sessions WHERE starts_at > ? ORDER BY starts_at LIMIT 1").get(Date.now()))?.id,
    place: /** @type {{ slug: string } | undefined} */ (db.prepare("SELECT slug FROM places LIMIT 1").get())?.slug,
  };
  db.close();
  return { cookie: `authjs.session-token=${token}`, ...pages };
}

/** @param {{ name: string, file: string, seedDemo: boolean }} set */
async function measure({ name, file, seedDemo }) {
  const port = await freePort();
  const base = `http://localhost:${port}`;
  const mailPort = await freePort();
  const catcher = spawn(process.execPath, [path.join(root, "scripts/mail-catcher.mjs"), String(mailPort), path.join(tmp, `mail-${name}`)], { stdio: "ignore" });
  const server = spawn(process.execPath, [path.join(root, "scripts/server.mjs"), "--port", String(port), "--hostname", "localhost"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NODE_OPTIONS: heap ? `--max-old-space-size=${heap}` : "", DATABASE_PATH: file, APP_URL: base, SEED_DEMO: String(seedDemo), AUTH_SECRET: randomBytes(32).toString("base64url"), SMTP_URL: `smtp://localhost:${mailPort}`, OUTBOX_INTERVAL_MS: "5000" },
  });
  try {
    const started = Date.now();
    for (;;) {
      if (server.exitCode !== null) throw new Error(`the server for ${name} exited (${server.exitCode})`);
      const ok = await fetch(`${base}/api/health`).then((r) => r.ok, () => false);
      if (ok) break;
      if (Date.now() - started > 120_000) throw new Error(`the server for ${name} did not answer in 2 minutes`);
      await new Promise((r) => setTimeout(r, 250));
    }
    const idle = memoryOf(/** @type {number} */ (server.pid));
    const { cookie, session, place } = plannerCookie(file);
    const publicPages = ["/fi", "/sv", "/en", session && `/fi/sessions/${session}`, place && `/fi/places/${place}`].filter(Boolean);
    const reachPages = ["this_month", "this_quarter", "this_year", "all"].map((p) => `/fi/plan/reach?period=${p}`);
    const staffPages = ["/fi/plan", "/fi/plan/places", "/fi/plan/feedback", ...reachPages];
    /** @type {number[]} */
    const reachMs = [];
    /** @type {string[]} */
    const trend = [];
    for (let round = 0; round < rounds; round++) {
      if (round > 0 && round % 10 === 0) trend.push(`${round}: ${(memoryOf(/** @type {number} */ (server.pid)).rss / MiB).toFixed(0)}`);
      for (const p of publicPages) await fetch(`${base}${p}`).then((r) => r.arrayBuffer());
      for (const p of staffPages) {
        const t = performance.now();
        const res = await fetch(`${base}${p}`, { headers: { cookie }, redirect: "manual" });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${p} answered ${res.status} (is the planner cookie refused?)`);
        if (p.includes("period=all") && round > 0) reachMs.push(performance.now() - t);
      }
    }
    const warm = memoryOf(/** @type {number} */ (server.pid));
    if (trend.length) console.log(`[footprint] ${name}: RSS in MiB after round ${trend.join(", ")}, ${rounds}: ${(warm.rss / MiB).toFixed(0)}`);
    return { name, disk: diskOf(file), idle: idle.rss, warm: warm.rss, peak: warm.peak, reachMs: reachMs.sort((a, b) => a - b)[reachMs.length >> 1] ?? NaN };
  } finally {
    for (const child of [server, catcher]) {
      const gone = new Promise((resolve) => (child.exitCode !== null ? resolve(undefined) : child.once("exit", resolve)));
      child.kill("SIGTERM");
      await gone;
    }
  }
}

const sets = [{ name: "demo", file: path.join(tmp, "demo", "kohtaamo.db"), seedDemo: true }];
if (fs.existsSync(values.large)) {
  const county = cutCounty(values.large, path.join(tmp, "county.db"));
  console.log(`[footprint] county: ${county}, cut out of ${path.relative(root, values.large)}`);
  sets.push({ name: "county", file: path.join(tmp, "county.db"), seedDemo: false });
  if (values.national) {
    fs.copyFileSync(values.large, path.join(tmp, "national.db"));
    sets.push({ name: "national", file: path.join(tmp, "national.db"), seedDemo: false });
  }
} else {
  console.log(`[footprint] no ${path.relative(root, values.large)}: run \`npm run seed:large\` first to measure a county`);
}

try {
  const rows = [];
  for (const set of sets) {
    if (set.name === "county" || set.name === "national") {
      const db = new Database(set.file, { readonly: true });
      const n = /** @type {{ n: number }} */ (db.prepare("SELECT count(*) AS n FROM visits").get()).n;
      db.close();
      console.log(`[footprint] ${set.name}: ${n.toLocaleString("en")} visits`);
    }
    rows.push(await measure(set));
  }
  const mib = (/** @type {number} */ b) => `${(b / MiB).toFixed(0)} MiB`;
  console.log(`\nNode ${process.version}, ${os.cpus().length} CPU(s), ${rounds} warm-up round(s), heap ${heap ? `capped at ${heap} MiB` : "uncapped"}; RSS from /proc/<pid>/status`);
  console.log(["data set", "database on disk", "RSS idle", "RSS warm", "RSS peak", "reach 'all' ms (median)"].join(" | "));
  for (const r of rows) console.log([r.name, mib(r.disk), mib(r.idle), mib(r.warm), mib(r.peak), r.reachMs.toFixed(0)].join(" | "));
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
