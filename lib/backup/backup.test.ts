import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { beforeEach, describe, expect, it } from "vitest";
import type { DB } from "@/db/client";
import { createBooking } from "@/lib/booking/writes";
import { sqliteOf } from "@/lib/reach/sqlite";
import { addPlace, addSession, bookingInput, testDb } from "@/lib/test/db";
import { backupBeforeMigrating, backupDue, latestBackup, migrationStatus, removeServerPid, restoreBackup, runningServerPid, takeBackup, verifyBackup, writeServerPid } from "./backup.mjs";
import { decryptFile, encryptFile } from "./crypto.mjs";

const migrationsDir = path.resolve("db/migrations");
// Every migration this version of the app has, and the newest of them.
const known = (JSON.parse(fs.readFileSync(path.join(migrationsDir, "meta/_journal.json"), "utf8")) as { entries: { tag: string }[] }).entries.map((e) => e.tag);
const newest = known.at(-1)!;
const KEY = "correct horse battery staple";
const NOW = new Date("2026-11-23T08:35:00Z");

let db: DB;
let dbPath: string;
let tmp: string;
let sessionId: number;

beforeEach(() => {
  db = testDb();
  dbPath = sqliteOf(db).name;
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "kohtaamo-backup-test-"));
  sessionId = addSession(db, { placeId: addPlace(db).id, capacity: 100 }).id;
  book(3);
});

function book(n: number) {
  for (let i = 0; i < n; i++) {
    const r = createBooking(db, bookingInput(sessionId, { nickname: `parent ${i}` }));
    if (!r.ok) throw new Error(r.error);
  }
}

function bookingCount(file: string): number {
  const copy = new Database(file, { readonly: true });
  try {
    return (copy.prepare("SELECT count(*) AS n FROM bookings WHERE status = 'confirmed'").get() as { n: number }).n;
  } finally {
    copy.close();
  }
}

/** Every file in a folder with its bytes, to prove a refusal changed nothing. */
function filesIn(dir: string): Record<string, string> {
  return Object.fromEntries(fs.readdirSync(dir).sort().map((f) => [f, fs.readFileSync(path.join(dir, f)).toString("base64")]));
}

/** A database already in place where a restore would go, in use-like state (with its -wal). */
function existingTarget() {
  const dir = fs.mkdtempSync(path.join(tmp, "target-"));
  const target = path.join(dir, "kohtaamo.db");
  fs.copyFileSync(dbPath, target);
  fs.writeFileSync(`${target}-wal`, "pretend wal");
  return { dir, target };
}

function overwriteMiddle(file: string, bytes = 4096) {
  const fd = fs.openSync(file, "r+");
  const middle = Math.floor(fs.statSync(file).size / 2);
  fs.writeSync(fd, Buffer.alloc(bytes, 0xa5), 0, bytes, middle - (middle % 4096));
  fs.closeSync(fd);
}

describe("encryption", () => {
  it("round-trips a file across stream chunks, and refuses a wrong key or a changed byte", async () => {
    const plain = path.join(tmp, "plain.bin");
    const data = Buffer.concat([Buffer.from("SQLite format 3\0 nickname Maija"), fs.readFileSync(dbPath), Buffer.alloc(300_000, 7)]);
    fs.writeFileSync(plain, data);
    await encryptFile(plain, path.join(tmp, "sealed"), KEY);
    const sealed = fs.readFileSync(path.join(tmp, "sealed"));
    expect(sealed.includes(Buffer.from("nickname Maija"))).toBe(false);
    expect(sealed.includes(Buffer.from("SQLite format 3"))).toBe(false);

    await decryptFile(path.join(tmp, "sealed"), path.join(tmp, "back"), KEY);
    expect(fs.readFileSync(path.join(tmp, "back")).equals(data)).toBe(true);

    await expect(decryptFile(path.join(tmp, "sealed"), path.join(tmp, "wrong"), "another key of some length")).rejects.toThrow();
    sealed.writeUInt8(sealed.readUInt8(sealed.length >> 1) ^ 1, sealed.length >> 1);
    fs.writeFileSync(path.join(tmp, "flipped"), sealed);
    await expect(decryptFile(path.join(tmp, "flipped"), path.join(tmp, "flipped-back"), KEY)).rejects.toThrow();
  });
});

describe("takeBackup", () => {
  it("writes a complete copy named by UTC time, encrypted with a key, and prunes by the rule", async () => {
    const dir = path.join(tmp, "backups");
    // Yesterday's two copies: only the newer one survives the pruning.
    await takeBackup({ dbPath, dir, now: new Date("2026-11-22T03:00:00Z") });
    await takeBackup({ dbPath, dir, now: new Date("2026-11-22T15:00:00Z") });
    book(2);
    const result = await takeBackup({ dbPath, dir, key: KEY, keepDaily: 7, keepWeekly: 8, now: NOW });

    expect(path.basename(result.file)).toBe("kohtaamo-20261123T083500Z.db.enc");
    expect(result.bytes).toBe(fs.statSync(result.file).size);
    expect(fs.readdirSync(dir).sort()).toEqual(["kohtaamo-20261122T150000Z.db", "kohtaamo-20261123T083500Z.db.enc"]);
    expect(latestBackup(dir)).toEqual({ file: result.file, at: NOW });
    expect(latestBackup(path.join(tmp, "none"))).toBeNull();

    expect(await verifyBackup({ file: result.file, key: KEY, migrationsDir })).toEqual({
      ok: true,
      migrations: known,
    });
    const target = path.join(tmp, "fresh", "kohtaamo.db");
    expect(await restoreBackup({ file: result.file, dbPath: target, key: KEY, migrationsDir })).toMatchObject({ ok: true, previous: null });
    expect(bookingCount(target)).toBe(5);
  });

  it("finishes under a steady stream of bookings, as one consistent moment", async () => {
    // Over 2,000 pages, so the copy takes several steps and each write in between restarts it.
    sqliteOf(db).exec("CREATE TABLE ballast (b BLOB)");
    for (let i = 0; i < 12; i++) sqliteOf(db).prepare("INSERT INTO ballast VALUES (randomblob(1000000))").run();
    const ids: number[] = [];
    let writing = true;
    const write = () => {
      if (!writing) return;
      try {
        const r = createBooking(db, bookingInput(sessionId, { nickname: "during" }));
        if (r.ok) ids.push(r.bookingId);
      } catch {
        // A rare clash of random booking codes over thousands of bookings: keep writing.
      }
      setImmediate(write);
    };
    write();
    // Copied in small steps only, the copy would restart after every write and never finish.
    const { file } = await takeBackup({ dbPath, dir: tmp, now: NOW });
    writing = false;

    expect(ids.length).toBeGreaterThan(1);
    const copy = new Database(file, { readonly: true });
    const inCopy = new Set((copy.prepare("SELECT id FROM bookings").all() as { id: number }[]).map((r) => r.id));
    copy.close();
    const written = ids.filter((id) => inCopy.has(id));
    expect(written).toEqual(ids.slice(0, written.length)); // no holes: one moment, not a torn copy
    expect(await verifyBackup({ file, migrationsDir })).toMatchObject({ ok: true });
  }, 10_000);

  it("asks for the key of an encrypted backup, and refuses a wrong one", async () => {
    const { file } = await takeBackup({ dbPath, dir: tmp, key: KEY, now: NOW });
    expect(await verifyBackup({ file, migrationsDir })).toEqual({ ok: false, reason: "kohtaamo-20261123T083500Z.db.enc is encrypted: set BACKUP_KEY to the key it was made with." });
    expect(await verifyBackup({ file, key: "not the right key at all", migrationsDir })).toEqual({
      ok: false,
      reason: "kohtaamo-20261123T083500Z.db.enc cannot be decrypted: the key is wrong or the file is damaged.",
    });
  });
});

describe("restoreBackup", () => {
  it("puts the copy in place and keeps the previous database, with its -wal, beside it", async () => {
    const { file } = await takeBackup({ dbPath, dir: tmp, now: NOW });
    const { dir, target } = existingTarget();
    book(4);
    fs.copyFileSync(dbPath, target); // the target now holds 7 bookings; the backup 3
    const result = await restoreBackup({ file, dbPath: target, migrationsDir, now: new Date("2026-11-24T10:00:00Z") });

    expect(result).toEqual({ ok: true, migrations: expect.any(Array), previous: `${target}.before-restore-20261124T100000Z` });
    expect(bookingCount(target)).toBe(3);
    expect(fs.readdirSync(dir).sort()).toEqual(["kohtaamo.db", "kohtaamo.db.before-restore-20261124T100000Z", "kohtaamo.db.before-restore-20261124T100000Z-wal"]);
    expect(fs.readFileSync(`${target}.before-restore-20261124T100000Z-wal`, "utf8")).toBe("pretend wal");
  });

  it.each([
    ["a plain backup with bytes overwritten in the middle", false, (f: string) => overwriteMiddle(f), /kohtaamo-20261123T083500Z\.db is damaged/],
    ["a plain backup cut in half", false, (f: string) => fs.truncateSync(f, Math.floor(fs.statSync(f).size / 2)), /kohtaamo-20261123T083500Z\.db is damaged/],
    ["an encrypted backup with bytes overwritten in the middle", true, (f: string) => overwriteMiddle(f, 64), /cannot be decrypted: the key is wrong or the file is damaged/],
  ])("refuses %s, with a clear reason and nothing overwritten", async (_, encrypted, damage, reason) => {
    book(200); // a few pages, so the middle of the file is table data
    const { file } = await takeBackup({ dbPath, dir: tmp, key: encrypted ? KEY : null, now: NOW });
    damage(file);
    const { dir, target } = existingTarget();
    const before = filesIn(dir);

    const verdict = await verifyBackup({ file, key: KEY, migrationsDir });
    expect(verdict).toEqual({ ok: false, reason: expect.stringMatching(reason) });
    expect(await restoreBackup({ file, dbPath: target, key: KEY, migrationsDir })).toEqual(verdict);
    expect(filesIn(dir)).toEqual(before);
  });

  it("refuses a backup from a newer version of the app, changing nothing", async () => {
    const { file } = await takeBackup({ dbPath, dir: tmp, now: NOW });
    const copy = new Database(file);
    copy.prepare("INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('from-the-future', 1900000000000)").run();
    copy.close();
    const { dir, target } = existingTarget();
    const before = filesIn(dir);

    const reason = "kohtaamo-20261123T083500Z.db comes from a newer version of Kohtaamo (1 migration(s) this version does not know): upgrade the app before restoring it.";
    expect(await verifyBackup({ file, migrationsDir })).toEqual({ ok: false, reason });
    expect(await restoreBackup({ file, dbPath: target, migrationsDir })).toEqual({ ok: false, reason });
    expect(filesIn(dir)).toEqual(before);
  });

  it("refuses a file that is not a Kohtaamo database", async () => {
    const other = path.join(tmp, "other.db");
    new Database(other).exec("CREATE TABLE t (x)").close();
    expect(await verifyBackup({ file: other, migrationsDir })).toEqual({ ok: false, reason: "other.db is not a Kohtaamo database (it has no migrations table)." });
    expect(await verifyBackup({ file: path.join(tmp, "missing.db"), migrationsDir })).toMatchObject({ ok: false, reason: expect.stringMatching(/^There is no file at/) });
  });

  it("refuses while a server runs on the database, and not after it has gone", async () => {
    const { file } = await takeBackup({ dbPath, dir: tmp, now: NOW });
    const { dir, target } = existingTarget();
    // A live process plays the running server.
    const server = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
    try {
      writeServerPid(target, server.pid);
      const before = filesIn(dir);
      expect(runningServerPid(target)).toBe(server.pid);
      expect(await restoreBackup({ file, dbPath: target, migrationsDir })).toEqual({
        ok: false,
        reason: `Kohtaamo is running on ${target} (pid ${server.pid}, from ${target}.pid): stop it first, then restore.`,
      });
      expect(filesIn(dir)).toEqual(before);
    } finally {
      const gone = new Promise((resolve) => server.once("exit", resolve));
      server.kill();
      await gone;
    }

    // Its pid file left behind (a crash): the process is gone, so the restore goes ahead.
    expect(runningServerPid(target)).toBeNull();
    removeServerPid(target); // not this process's own: left alone
    expect(fs.existsSync(`${target}.pid`)).toBe(true);
    expect(await restoreBackup({ file, dbPath: target, migrationsDir })).toMatchObject({ ok: true });
  });

  it("is not blocked by a pid file whose process was killed and is not yet reaped (a zombie)", async () => {
    // `sleep 30` is killed with -9; its parent has become `sleep 60`, which never reaps it.
    const parent = spawn("sh", ["-c", "sleep 30 & echo $!; exec sleep 60"], { stdio: ["ignore", "pipe", "ignore"] });
    try {
      const pid = Number(await new Promise<string>((resolve) => parent.stdout!.once("data", (d) => resolve(String(d)))));
      const target = path.join(tmp, "zombie.db");
      fs.writeFileSync(`${target}.pid`, `${pid}\n`);
      process.kill(pid, "SIGKILL");
      await expect.poll(() => fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]![0]).toBe("Z");
      expect(runningServerPid(target)).toBeNull();
    } finally {
      parent.kill("SIGKILL");
    }
  });

  it("is not blocked by a pid file whose pid now belongs to another process", async () => {
    const other = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
    try {
      const target = path.join(tmp, "reused.db");
      // As an older version wrote it: the pid alone, of a process that is not a Kohtaamo server.
      fs.writeFileSync(`${target}.pid`, `${other.pid}\n`);
      expect(runningServerPid(target)).toBeNull();
      // With a start time that is not this process's: the server that wrote it has gone, and the pid was reused.
      fs.writeFileSync(`${target}.pid`, `${other.pid} 1\n`);
      expect(runningServerPid(target)).toBeNull();
      // The same process, as the server writes it: still running.
      writeServerPid(target, other.pid);
      expect(runningServerPid(target)).toBe(other.pid);
    } finally {
      other.kill("SIGKILL");
    }
  });

  it("never takes its own pid for a running server", () => {
    const target = path.join(tmp, "own.db");
    writeServerPid(target);
    expect(fs.readFileSync(`${target}.pid`, "utf8")).toMatch(new RegExp(`^${process.pid} \\d+\n$`));
    expect(runningServerPid(target)).toBeNull();
    removeServerPid(target);
    expect(fs.existsSync(`${target}.pid`)).toBe(false);
  });
});

describe("before migrating", () => {
  it("reports the migrations a database has and lacks", () => {
    expect(migrationStatus(sqliteOf(db), migrationsDir)).toEqual({
      applied: known,
      pending: [],
      unknown: 0,
    });
    sqliteOf(db).prepare("DELETE FROM __drizzle_migrations WHERE created_at = (SELECT max(created_at) FROM __drizzle_migrations)").run();
    sqliteOf(db).prepare("INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('newer', 1900000000000)").run();
    expect(migrationStatus(sqliteOf(db), migrationsDir)).toMatchObject({ pending: [newest], unknown: 1 });
  });

  it("takes a backup only when an existing database is about to be migrated", async () => {
    const dir = path.join(tmp, "backups");
    expect(await backupBeforeMigrating({ dbPath, dir, migrationsDir })).toBeNull(); // current
    expect(await backupBeforeMigrating({ dbPath: path.join(tmp, "none.db"), dir, migrationsDir })).toBeNull(); // first start
    new Database(path.join(tmp, "empty.db")).close();
    expect(await backupBeforeMigrating({ dbPath: path.join(tmp, "empty.db"), dir, migrationsDir })).toBeNull();
    expect(fs.existsSync(dir)).toBe(false);

    // The database of the version before the last migration, as an upgrade finds it.
    sqliteOf(db).prepare("DELETE FROM __drizzle_migrations WHERE created_at = (SELECT max(created_at) FROM __drizzle_migrations)").run();
    const taken = await backupBeforeMigrating({ dbPath, dir, migrationsDir, now: NOW });
    expect(taken).toEqual({ file: path.join(dir, "kohtaamo-20261123T083500Z.db"), bytes: expect.any(Number), pending: [newest] });
    expect(bookingCount(taken!.file)).toBe(3);
  });
});

describe("the app's own backup schedule", () => {
  it("takes one when there is none or the newest is an interval old, whenever the server started", () => {
    const now = new Date("2026-11-23T12:00:00Z");
    const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
    expect(backupDue(null, 6, now)).toBe(true);
    expect(backupDue(hoursAgo(5.9), 6, now)).toBe(false);
    expect(backupDue(hoursAgo(6), 6, now)).toBe(true);
    expect(backupDue(hoursAgo(100), 0, now)).toBe(false);
  });
});
