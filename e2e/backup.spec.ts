import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { test, expect } from "./fixtures";
import { SessionPage } from "./pages/SessionPage";
import { createSession, openDb, query } from "./support/db";
import { E2E } from "./support/env.cjs";
import { freePort, startServer, type ExtraServer } from "./support/server";

const root = path.resolve(__dirname, "..");

/** A booking written straight into the live database, as the app would write a confirmed one. */
function insertBooking(db: Database.Database, sessionId: number, i: number): number {
  const token = randomBytes(32).toString("base64url");
  const row = db
    .prepare(
      `INSERT INTO bookings (session_id, code, token_hash, party_size, locale, status, confirmed_at)
       VALUES (?, ?, ?, 1, 'fi', 'confirmed', ?) RETURNING id`,
    )
    .get(sessionId, `LOAD-${i}-${randomBytes(3).toString("hex")}`, createHash("sha256").update(token).digest("hex"), Date.now()) as { id: number };
  return row.id;
}

function run(script: string, args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, [path.join(root, script), ...args], { cwd: root, env: { ...process.env, ...env }, encoding: "utf8" });
}

async function stop(child: ChildProcess | undefined) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await gone;
}

test("a backup taken while bookings are written restores into a fresh directory, and the app started on it shows every confirmed booking", async ({ page }) => {
  test.setTimeout(180_000);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "kohtaamo-restore-e2e-"));
  const sessionId = createSession({ title: "Backed-up evening", capacity: 1000, maxPartySize: 1 });

  // Parents book through the app, and keep their manage links.
  const session = new SessionPage(page, "en");
  const booked: { link: string; code: string }[] = [];
  for (const nickname of ["Aino", "Bea", "Cai"]) {
    await session.open(sessionId);
    await session.book({ nickname, people: 1 });
    const link = await session.manageLink();
    const [latest] = query<{ code: string }>("SELECT code FROM bookings WHERE session_id = ? ORDER BY id DESC LIMIT 1", sessionId);
    booked.push({ link, code: latest!.code });
  }

  // A steady stream of bookings into the live database, before and all through the backup.
  const writer = openDb();
  const written: number[] = [];
  const writeSome = (n: number) => {
    for (let k = 0; k < n; k++) written.push(insertBooking(writer, sessionId, written.length));
  };
  writeSome(50);
  const confirmedBefore = (writer.prepare("SELECT id FROM bookings WHERE status = 'confirmed'").all() as { id: number }[]).map((r) => r.id);

  const backupDir = path.join(tmp, "backups");
  const backup = spawn(process.execPath, [path.join(root, "scripts/backup.mjs")], {
    cwd: root,
    env: { ...process.env, DATABASE_PATH: E2E.dbPath, BACKUP_DIR: backupDir, BACKUP_KEY: "an e2e key of enough length" },
  });
  let output = "";
  backup.stdout.on("data", (c) => (output += c));
  backup.stderr.on("data", (c) => (output += c));
  const exited = new Promise<number | null>((resolve) => backup.on("exit", resolve));
  let done = false;
  void exited.then(() => (done = true));
  while (!done) {
    writeSome(5);
    await new Promise((r) => setTimeout(r, 2));
  }
  const duringBackup = written.length - 50;
  writeSome(20);
  writer.close();
  expect(duringBackup, "bookings written while the backup ran").toBeGreaterThan(0);
  expect(await exited, output).toBe(0);
  expect(output).toMatch(/^Backup written: .*kohtaamo-\d{8}T\d{6}Z\.db\.enc \([\d.]+ MiB, encrypted\)/);
  const [file] = fs.readdirSync(backupDir);

  // Restore into a fresh directory.
  const freshDb = path.join(tmp, "fresh", "kohtaamo.db");
  const restored = run("scripts/restore.mjs", [path.join(backupDir, file!)], { DATABASE_PATH: freshDb, BACKUP_KEY: "an e2e key of enough length" });
  expect(restored.status, restored.stderr).toBe(0);
  expect(restored.stdout).toMatch(/^Restored kohtaamo-\d{8}T\d{6}Z\.db\.enc onto .*kohtaamo\.db \(schema \d{4}_\w+\)\./);

  // The copy is one consistent moment: every booking confirmed before it began, and of those written
  // during it, an unbroken run from the first (a torn copy would show holes).
  const copy = new Database(freshDb, { readonly: true });
  const inCopy = new Set((copy.prepare("SELECT id FROM bookings WHERE status = 'confirmed'").all() as { id: number }[]).map((r) => r.id));
  copy.close();
  expect(confirmedBefore.filter((id) => !inCopy.has(id))).toEqual([]);
  const loadInCopy = written.filter((id) => inCopy.has(id));
  expect(loadInCopy).toEqual(written.slice(0, loadInCopy.length));

  // The app, started on the restored database alone, shows each parent's booking by their link.
  const mailPort = await freePort();
  const catcher = spawn(process.execPath, [path.join(root, "scripts/mail-catcher.mjs"), String(mailPort), path.join(tmp, "mail")], { stdio: "ignore" });
  const secretFile = path.join(E2E.dir, "auth-secret");
  let server: ExtraServer | undefined;
  try {
    server = await startServer(
      {
        SMTP_URL: `smtp://localhost:${mailPort}`,
        SEED_DEMO: "false",
        TRUSTED_PROXY_HOPS: "0",
        // The first server's secret (made when it first sealed a mail), as a restore onto a new machine keeps AUTH_SECRET.
        ...(fs.existsSync(secretFile) ? { AUTH_SECRET: fs.readFileSync(secretFile, "utf8").trim() } : {}),
      },
      { dir: path.dirname(freshDb), waitFor: "/api/health" },
    );
    const base = server.url;

    for (const { link, code } of booked) {
      await page.goto(link.replace(E2E.baseURL, base));
      await expect(page.getByText("Status: Confirmed")).toBeVisible();
      await expect(page.getByText(code)).toBeVisible();
    }
  } finally {
    await server?.stop();
    await stop(catcher);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
