// @ts-check
// Backups that restore: a consistent copy of the live database (SQLite's online backup, not a
// file copy), named by UTC time, optionally encrypted, pruned by a grandfather-father-son rule;
// a check of a copy's integrity and schema version; and a restore that refuses to touch a
// running database. Plain JavaScript with JSDoc types, so the CLI scripts (scripts/backup.mjs,
// scripts/restore.mjs) and the app's TypeScript
// import the same code.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { readEnv } from "../env.mjs";
import { prune } from "./retention.mjs";
import { decryptFile, encryptFile, isEncrypted } from "./crypto.mjs";

export { prune } from "./retention.mjs";

const NAME = /^kohtaamo-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z\.db(\.enc)?$/;

/** `kohtaamo-20261123T083500Z.db`, or `.db.enc` when encrypted. */
export function backupName(/** @type {Date} */ at, /** @type {boolean} */ encrypted) {
  const stamp = at.toISOString().replace(/\.\d{3}Z$/, "Z").replace(/[-:]/g, "");
  return `kohtaamo-${stamp}.db${encrypted ? ".enc" : ""}`;
}

/** The time a backup's name carries, or null for any other file. */
export function backupTime(/** @type {string} */ name) {
  const m = NAME.exec(name);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number);
  return new Date(Date.UTC(/** @type {number} */ (y), /** @type {number} */ (mo) - 1, d, h, mi, s));
}

/** @param {string} dir @returns {{ file: string, at: Date }[]} newest first */
export function listBackups(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .flatMap((name) => {
      const at = backupTime(name);
      return at ? [{ file: path.join(dir, name), at }] : [];
    })
    .sort((a, b) => b.at.getTime() - a.at.getTime());
}

/** The newest backup in `dir`, or null when there is none (the health check reports its age). */
export function latestBackup(/** @type {string} */ dir) {
  return listBackups(dir)[0] ?? null;
}

/**
 * Whether the app's own schedule should take a backup now: when there is
 * none yet, or the newest is an interval old. Judged by the backups on disk,
 * not by when the server started, so restarts never put it off.
 * @param {Date | null} newest @param {number} intervalHours @param {Date} now
 */
export function backupDue(newest, intervalHours, now = new Date()) {
  return intervalHours > 0 && (!newest || now.getTime() - newest.getTime() >= intervalHours * 3_600_000);
}

/**
 * Copies the live database while the app keeps writing to it. SQLite's backup API restarts a
 * copy whenever another connection writes between two steps; under a steady stream of bookings
 * small steps could restart for ever, so after the first restart the rest goes in one step
 * (one read transaction: consistent, and short for a database of this size).
 * @param {string} source @param {string} target
 */
async function onlineCopy(source, target) {
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    let lastRemaining = Infinity;
    let restarted = false;
    await db.backup(target, {
      progress({ totalPages, remainingPages }) {
        if (remainingPages > lastRemaining) restarted = true;
        lastRemaining = remainingPages;
        return restarted ? totalPages : 2000;
      },
    });
  } finally {
    db.close();
  }
  // A copy of a WAL database is marked WAL too; as one self-contained file it needs no -wal beside it.
  const copy = new Database(target);
  try {
    copy.pragma("journal_mode = DELETE");
  } finally {
    copy.close();
  }
}

/**
 * Takes a backup of `dbPath` into `dir`, then prunes older ones.
 * @param {{ dbPath: string, dir: string, key?: string | null, keepDaily?: number, keepWeekly?: number, now?: Date }} o
 * @returns {Promise<{ file: string, bytes: number, pruned: string[] }>}
 */
export async function takeBackup({ dbPath, dir, key, keepDaily = 7, keepWeekly = 8, now = new Date() }) {
  if (!fs.existsSync(dbPath)) throw new Error(`There is no database at ${dbPath} to back up.`);
  // Backups hold personal data: readable by the app's own user only.
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, backupName(now, Boolean(key)));
  if (fs.existsSync(file)) throw new Error(`A backup named ${path.basename(file)} already exists; try again in a second.`);
  // Dot-named while incomplete: never listed, never restored, never pruned as a backup.
  const plain = path.join(dir, `.${path.basename(file)}.${process.pid}.tmp`);
  const sealed = `${plain}.enc`;
  try {
    await onlineCopy(dbPath, plain);
    if (key) {
      await encryptFile(plain, sealed, key);
      fs.renameSync(sealed, file);
    } else {
      fs.chmodSync(plain, 0o600);
      fs.renameSync(plain, file);
    }
  } finally {
    fs.rmSync(plain, { force: true });
    fs.rmSync(sealed, { force: true });
  }
  const keep = new Set(prune(listBackups(dir), { keepDaily, keepWeekly }).keep.map((b) => b.file));
  keep.add(file);
  const pruned = listBackups(dir).filter((b) => !keep.has(b.file)).map((b) => b.file);
  for (const old of pruned) fs.rmSync(old, { force: true });
  return { file, bytes: fs.statSync(file).size, pruned };
}

/** @typedef {{ ok: true, migrations: string[] } | { ok: false, reason: string }} Verdict */

/**
 * Runs `check` on a plain copy of `file` (decrypted into a private temporary folder when
 * encrypted; the folder is removed afterwards whatever happens).
 * @template T
 * @param {string} file @param {string | null | undefined} key
 * @param {(plainFile: string) => T | Promise<T>} check
 * @returns {Promise<T | { ok: false, reason: string }>}
 */
async function withPlainCopy(file, key, check) {
  if (!fs.existsSync(file)) return { ok: false, reason: `There is no file at ${file}.` };
  if (!isEncrypted(file)) return check(file);
  if (!key) return { ok: false, reason: `${path.basename(file)} is encrypted: set BACKUP_KEY to the key it was made with.` };
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "kohtaamo-restore-"));
  try {
    const plain = path.join(tmp, "copy.db");
    try {
      await decryptFile(file, plain, key);
    } catch {
      return { ok: false, reason: `${path.basename(file)} cannot be decrypted: the key is wrong or the file is damaged.` };
    }
    return await check(plain);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * The journal of migrations this app knows: drizzle records each applied one by its
 * `when` (created_at), so a copy holding a created_at not in the journal is from a newer app.
 * @param {string} migrationsDir
 * @returns {Map<number, string>} when → tag
 */
function knownMigrations(migrationsDir) {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsDir, "meta/_journal.json"), "utf8"));
  return new Map(journal.entries.map((/** @type {{ when: number, tag: string }} */ e) => [e.when, e.tag]));
}

/**
 * Which of this app's migrations a database has, and which it still lacks; `unknown` counts
 * those it has that this app does not know (the database is from a newer version). For the
 * health check ("migrations are current") and for the backup taken before migrating.
 * @param {import("better-sqlite3").Database} db an open connection (read-only is enough)
 * @param {string} migrationsDir
 * @returns {{ applied: string[], pending: string[], unknown: number }}
 */
export function migrationStatus(db, migrationsDir) {
  const known = knownMigrations(migrationsDir);
  const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get();
  const done = hasTable
    ? /** @type {{ createdAt: number }[]} */ (db.prepare("SELECT CAST(created_at AS INTEGER) AS createdAt FROM __drizzle_migrations").all()).map((m) => m.createdAt)
    : [];
  const doneSet = new Set(done);
  return {
    applied: [...known].filter(([when]) => doneSet.has(when)).map(([, tag]) => tag),
    pending: [...known].filter(([when]) => !doneSet.has(when)).map(([, tag]) => tag),
    unknown: done.filter((when) => !known.has(when)).length,
  };
}

/**
 * The backup an upgrade takes before it migrates: only when the database exists, already holds
 * migrations (not a first start) and this version brings new ones. Call it before migrating.
 * @param {{ dbPath: string, dir: string, key?: string | null, keepDaily?: number, keepWeekly?: number, migrationsDir: string, now?: Date }} o
 * @returns {Promise<{ file: string, bytes: number, pending: string[] } | null>}
 */
export async function backupBeforeMigrating({ migrationsDir, ...o }) {
  if (!fs.existsSync(o.dbPath)) return null;
  const db = new Database(o.dbPath, { readonly: true, fileMustExist: true });
  let status;
  try {
    status = migrationStatus(db, migrationsDir);
  } finally {
    db.close();
  }
  if (status.applied.length === 0 || status.pending.length === 0) return null;
  const { file, bytes } = await takeBackup(o);
  return { file, bytes, pending: status.pending };
}

/**
 * Checks a plain SQLite file: opens it read-only, runs the integrity check, and compares its
 * applied migrations with this app's journal.
 * @param {string} plainFile @param {string} label @param {string} migrationsDir
 * @returns {Verdict}
 */
function checkPlain(plainFile, label, migrationsDir) {
  let db;
  try {
    db = new Database(plainFile, { readonly: true, fileMustExist: true });
    const problems = db.pragma("integrity_check(5)", { simple: false });
    const lines = /** @type {{ integrity_check: string }[]} */ (problems).map((r) => r.integrity_check);
    if (lines.join() !== "ok") return { ok: false, reason: `${label} is damaged (SQLite's integrity check: ${lines[0]}).` };
    const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get();
    if (!hasTable) return { ok: false, reason: `${label} is not a Kohtaamo database (it has no migrations table).` };
    const { applied, unknown } = migrationStatus(db, migrationsDir);
    if (unknown > 0) {
      return { ok: false, reason: `${label} comes from a newer version of Kohtaamo (${unknown} migration(s) this version does not know): upgrade the app before restoring it.` };
    }
    return { ok: true, migrations: applied };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: `${label} is damaged or not a database (${message}).` };
  } finally {
    db?.close();
  }
}

/**
 * Checks a backup without changing anything: decrypts it when encrypted, runs SQLite's
 * integrity check, and refuses a copy made by a newer version of the app.
 * @param {{ file: string, key?: string | null, migrationsDir: string }} o
 * @returns {Promise<Verdict>}
 */
export async function verifyBackup({ file, key, migrationsDir }) {
  return withPlainCopy(file, key, (plain) => checkPlain(plain, path.basename(file), migrationsDir));
}

/** The server's pid file for a database: scripts/server.mjs holds it while it serves. */
export function pidFile(/** @type {string} */ dbPath) {
  return `${path.resolve(dbPath)}.pid`;
}

/**
 * What the system says of a process now: gone, a zombie (killed, not yet
 * reaped by its parent: kill(pid, 0) still succeeds on it), or running since
 * `start` (clock ticks after boot, field 22 of /proc/<pid>/stat) with its
 * command line. null where there is no /proc to ask (not Linux).
 * @param {number} pid
 * @returns {{ alive: false } | { alive: true, start: string, command: string } | null}
 */
function processNow(pid) {
  let stat;
  try {
    stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return fs.existsSync("/proc/self/stat") ? { alive: false } : null;
  }
  // "pid (command) state ppid …": the command may hold spaces and parentheses, so read after the last ")".
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  if (fields[0] === "Z" || fields[0] === "X") return { alive: false };
  let command = "";
  try {
    command = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
  } catch {
    // Hidden by the system (hidepid): the start time still names the process.
  }
  return { alive: true, start: fields[19] ?? "", command };
}

/**
 * The pid of a live server using `dbPath`, or null. A pid file outlives a
 * crash (kill -9), and its pid can then be a zombie for a moment or, later,
 * belong to some other process: so the file holds the pid and the process's
 * start time, and only that same process counts as the server. A file
 * without a start time (written by hand or by an older version) counts when
 * the process runs scripts/server.mjs.
 */
export function runningServerPid(/** @type {string} */ dbPath) {
  let pid;
  let start;
  try {
    [pid, start] = fs.readFileSync(pidFile(dbPath), "utf8").trim().split(/\s+/);
    pid = Number.parseInt(pid ?? "", 10);
  } catch {
    return null;
  }
  // Our own pid is never the server's: in a container, a restore run beside a stopped server may be pid 1 as it was.
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return null;
  const now = processNow(pid);
  if (now) {
    if (!now.alive) return null;
    if (start) return now.start === start ? pid : null;
    return now.command.includes("scripts/server.mjs") ? pid : null;
  }
  try {
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    // EPERM: the process exists but belongs to another user; it is still running.
    return /** @type {NodeJS.ErrnoException} */ (error).code === "EPERM" ? pid : null;
  }
}

/** Marks `dbPath` as in use by this process (the server calls it once it serves): its pid and, where the system says, when it started. */
export function writeServerPid(/** @type {string} */ dbPath, pid = process.pid) {
  fs.mkdirSync(path.dirname(path.resolve(dbPath)), { recursive: true });
  const now = processNow(pid);
  fs.writeFileSync(pidFile(dbPath), now?.alive ? `${pid} ${now.start}\n` : `${pid}\n`);
}

/** Removes the mark, only when it is this process's own (a second server must not clear the first's). */
export function removeServerPid(/** @type {string} */ dbPath, pid = process.pid) {
  try {
    if (Number.parseInt(fs.readFileSync(pidFile(dbPath), "utf8"), 10) === pid) fs.rmSync(pidFile(dbPath), { force: true });
  } catch {
    // No pid file: nothing to remove.
  }
}

/** @param {Date} at */
const stamp = (at) => at.toISOString().replace(/\.\d{3}Z$/, "Z").replace(/[-:]/g, "");

/**
 * Restores a backup onto `dbPath`. Verifies it and refuses while a server runs on `dbPath`;
 * a refusal changes no file. Otherwise the copy is written beside the target and renamed into
 * place; the previous database (and its -wal, which may hold its latest writes) is kept as
 * `<dbPath>.before-restore-<time>`.
 * @param {{ file: string, dbPath: string, key?: string | null, migrationsDir: string, now?: Date }} o
 * @returns {Promise<{ ok: true, migrations: string[], previous: string | null } | { ok: false, reason: string }>}
 */
export async function restoreBackup({ file, dbPath, key, migrationsDir, now = new Date() }) {
  const target = path.resolve(dbPath);
  return withPlainCopy(file, key, (plain) => {
    const verdict = checkPlain(plain, path.basename(file), migrationsDir);
    if (!verdict.ok) return verdict;
    const pid = runningServerPid(target);
    if (pid !== null) {
      return { ok: false, reason: `Kohtaamo is running on ${target} (pid ${pid}, from ${pidFile(target)}): stop it first, then restore.` };
    }
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const incoming = `${target}.restoring-${process.pid}.tmp`;
    try {
      fs.copyFileSync(plain, incoming);
      const fd = fs.openSync(incoming, "r+");
      fs.fsyncSync(fd);
      fs.closeSync(fd);
      let previous = null;
      if (fs.existsSync(target)) {
        previous = `${target}.before-restore-${stamp(now)}`;
        fs.renameSync(target, previous);
        if (fs.existsSync(`${target}-wal`)) fs.renameSync(`${target}-wal`, `${previous}-wal`);
      } else {
        fs.rmSync(`${target}-wal`, { force: true });
      }
      fs.rmSync(`${target}-shm`, { force: true });
      fs.renameSync(incoming, target);
      return { ok: true, migrations: verdict.migrations, previous };
    } finally {
      fs.rmSync(incoming, { force: true });
    }
  });
}

/**
 * The backup settings, from the environment as lib/env.mjs checks it (the one place every setting is
 * validated). Throws one message listing every problem.
 * @param {Record<string, string | undefined>} source
 */
export function backupSettingsFrom(source) {
  const result = readEnv(source);
  if (!result.ok) throw new Error(result.problems.join("\n"));
  const env = result.env;
  return {
    dbPath: path.resolve(env.DATABASE_PATH),
    dir: path.resolve(env.BACKUP_DIR),
    key: env.BACKUP_KEY ?? null,
    keepDaily: env.BACKUP_KEEP_DAILY,
    keepWeekly: env.BACKUP_KEEP_WEEKLY,
    intervalHours: env.BACKUP_INTERVAL_HOURS,
  };
}
