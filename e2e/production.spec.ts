import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { test, expect, expectAxeClean } from "./fixtures";
import { E2E } from "./support/env.cjs";
import { waitForMail } from "./support/mail";
import { startServer } from "./support/server";

const ADMIN = "first.admin@example.org";

function production(extra: Record<string, string> = {}) {
  return { KOHTAAMO_ENV: "production", AUTH_SECRET: "p".repeat(44), SMTP_URL: `smtp://localhost:${E2E.mailPort}`, MAIL_FROM: "Kohtaamo <kohtaamo@vertaistuki.example>", ADMIN_EMAIL: ADMIN, ...extra };
}

test("a production service starts empty, reports ready, refuses a proxy it was not told of, logs JSON without addresses, and stops cleanly", async () => {
  test.setTimeout(120_000);
  const server = await startServer(production());
  try {
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true, database: { ok: true }, migrations: { ok: true }, outbox: { ok: true } });

    // No demo data in production: no places, and the one admin from ADMIN_EMAIL.
    const db = new Database(server.dbPath, { readonly: true });
    expect(db.prepare("SELECT count(*) AS n FROM places").get()).toEqual({ n: 0 });
    expect(db.prepare("SELECT email, role FROM users").all()).toEqual([{ email: ADMIN, role: "admin" }]);
    db.close();

    // A reverse proxy in front that TRUSTED_PROXY_HOPS does not know of would make every parent one client.
    const proxied = await fetch(`${server.url}/fi`, { headers: { "x-forwarded-for": "203.0.113.9" } });
    expect(proxied.status).toBe(503);
    expect(await proxied.text()).toContain("TRUSTED_PROXY_HOPS");
    expect((await fetch(`${server.url}/fi`)).status).toBe(200);

    // One server per database: the pid file says who holds it, and a second server refuses.
    expect(fs.readFileSync(`${server.dbPath}.pid`, "utf8").trim()).toMatch(/^\d+ \d+$/);
    await expect(startServer(production(), { dir: server.dir })).rejects.toThrow(/another Kohtaamo server/);
  } finally {
    expect(await server.stop("SIGTERM")).toBe(0);
  }
  // Stopped gracefully: the outbox loop ended and the database was closed (SQLite folds the WAL back in on close).
  expect(fs.existsSync(`${server.dbPath}-wal`)).toBe(false);
  expect(fs.existsSync(`${server.dbPath}.pid`)).toBe(false);
  const lines = server.output().trim().split("\n").filter(Boolean);
  const events = lines.map((line) => JSON.parse(line) as { event?: string });
  expect(events.map((e) => e.event)).toEqual(expect.arrayContaining(["server.listening", "server.proxy_unconfigured", "server.stopping", "boot.closed", "server.stopped"]));
  expect(server.output()).not.toContain(ADMIN);
});

test("a pid file of another process or of a crashed server does not block a start: a kill -9 is followed by a start at once", async () => {
  test.setTimeout(150_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kohtaamo-pid-"));
  const pidFile = path.join(dir, "kohtaamo.db.pid");
  // A live process that is not a Kohtaamo server: this test runner.
  fs.writeFileSync(pidFile, `${process.pid}\n`);
  const first = await startServer(production(), { dir });
  const held = fs.readFileSync(pidFile, "utf8");
  expect(held).not.toBe(`${process.pid}\n`);

  // A crash: the pid file stays behind, naming a process that is gone; the next start goes ahead at once.
  const gone = first.stop("SIGKILL");
  const second = await startServer(production(), { dir });
  expect(await gone).toBeNull();
  expect(fs.readFileSync(pidFile, "utf8")).not.toBe(held);
  expect((await fetch(`${second.url}/api/health`)).status).toBe(200);
  // And the server that does run still holds the database.
  await expect(startServer(production(), { dir })).rejects.toThrow(/another Kohtaamo server/);
  expect(await second.stop("SIGTERM")).toBe(0);
});

test("health answers 503 when mail has been stuck for half an hour", async () => {
  const server = await startServer(production({ SMTP_URL: "smtp://localhost:9" }));
  try {
    const db = new Database(server.dbPath);
    db.prepare("INSERT INTO outbox (kind, recipient, not_before, next_attempt_at, subject, text_body, attempts) VALUES ('staff_sign_in', 'x@example.org', ?, ?, 's', 't', 3)").run(
      Date.now() - 45 * 60_000,
      Date.now() + 3_600_000,
    );
    db.close();
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ ok: false, outbox: { ok: false, oldestDueMinutes: 45 } });
  } finally {
    await server.stop();
  }
});

test("an upgrade that brings migrations copies the database first", async () => {
  test.setTimeout(120_000);
  // The database as the previous version left it: every migration but the newest applied.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kohtaamo-upgrade-"));
  const previous = path.join(dir, "previous-migrations");
  fs.cpSync(path.resolve(__dirname, "../db/migrations"), previous, { recursive: true });
  const journalFile = path.join(previous, "meta/_journal.json");
  const journal = JSON.parse(fs.readFileSync(journalFile, "utf8")) as { entries: unknown[] };
  journal.entries.pop();
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  const sqlite = new Database(path.join(dir, "kohtaamo.db"));
  migrate(drizzle(sqlite), { migrationsFolder: previous });
  sqlite.close();

  const backupDir = path.join(dir, "backups");
  const upgraded = await startServer(production({ BACKUP_DIR: backupDir }), { dir, waitFor: "/api/health" });
  await upgraded.stop();
  expect(fs.readdirSync(backupDir)).toEqual([expect.stringMatching(/^kohtaamo-\d{8}T\d{6}Z\.db$/)]);
  expect(upgraded.output()).toContain('"event":"backup.before_migrating"');
});

test("a new organisation's first admin is led through the first day: its details, the first meeting place, a colleague", async ({ browser }) => {
  test.setTimeout(240_000);
  const admin = `admin.${Date.now()}@example.org`;
  // Behind one proxy, as in the deployment guide (the tests' browser plays it).
  const server = await startServer(production({ ADMIN_EMAIL: admin, TRUSTED_PROXY_HOPS: "1" }));
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    const at = (p: string) => `${server.url}${p}`;
    const publicPages = ["/fi", "/sv", "/en", "/fi/privacy", "/sv/privacy", "/en/privacy", "/fi/you-said-we-did", "/fi/accessibility", "/sv/accessibility", "/en/accessibility"];
    /** Nothing of the demo on any public page: no demo organisation, address or ombudsman. */
    const expectNoDemo = async () => {
      for (const path of publicPages) {
        const res = await fetch(at(path));
        expect(res.status, path).toBe(200);
        expect(await res.text(), path).not.toMatch(/demo|kohtaamo\.local|Demo-hyvinvointialue/i);
      }
    };

    // Before the first day's steps: a calm "opening soon" in the reader's language, no filters, no empty headings.
    await expectNoDemo();
    for (const [locale, heading] of [["fi", "Kohtaamo avautuu pian"], ["sv", "Kohtaamo öppnar snart"], ["en", "Kohtaamo opens soon"]] as const) {
      await page.goto(at(`/${locale}`));
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
      await expect(page.getByRole("heading")).toHaveCount(1);
      await expect(page.getByRole("form")).toHaveCount(0);
      await expect(page.getByRole("combobox")).toHaveCount(0);
      await expectAxeClean(page);
    }
    await page.goto(at("/fi/privacy"));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kohtaamo avautuu pian");
    // The accessibility statement is there from the start, asking for nothing it cannot say yet.
    await page.goto(at("/fi/accessibility"));
    await expect(page.getByRole("heading", { level: 1, name: "Saavutettavuusseloste" })).toBeVisible();
    await expectAxeClean(page);

    const since = Date.now();
    await page.goto(at("/en/staff/sign-in"));
    await page.getByRole("textbox", { name: "E-mail" }).fill(admin);
    await page.getByRole("button", { name: /sign-in link/i }).click();
    const mail = await waitForMail(admin, /Kirjautuminen Kohtaamoon|Sign in to Kohtaamo/, since);
    await page.goto(mail.text!.match(/https?:\/\/\S+\/api\/auth\/callback\/nodemailer\S+/)![0]);

    // Signing in on an empty service leads to the first-run page.
    await expect(page).toHaveURL(at("/en/plan/welcome"));
    await expect(page.getByRole("heading", { level: 1, name: "Welcome to Kohtaamo" })).toBeVisible();
    await expectAxeClean(page);
    await page.getByRole("button", { name: "Save the details" }).click();
    await expect(page.getByLabel("Name of the organisation")).toHaveAccessibleDescription(/Please fill this in/);
    await page.getByLabel("Name of the organisation").fill("Vertaistuki Itä ry");
    await page.getByLabel("Contact for questions about data").fill("tietosuoja@vertaistuki.example, 09 123 4567");
    await page.getByRole("button", { name: "Save the details" }).click();
    await expect(page.getByText("The details are saved.")).toBeVisible();
    await expect(page.getByRole("heading", { name: /Who runs the service/ })).toContainText("Done");

    // The first meeting place's county: its names and emergency number; what is left out is asked for, never invented.
    await page.goto(at("/en/plan/welcome"));
    await page.getByLabel("Name in Finnish").fill("Helsingin kaupunki");
    await page.getByLabel("Name in Swedish").fill("Helsingfors stad");
    await page.getByLabel("Name in English").fill("City of Helsinki");
    await page.getByLabel("Emergency social services phone number").fill("09 000 0009");
    // Both numbers a parent is shown are asked for on the first day.
    await page.getByRole("button", { name: "Add the county" }).click();
    await expect(page.getByLabel("Phone", { exact: true })).toHaveAccessibleDescription("Please fill this in.");
    await expect(page.getByLabel("Name in Swedish")).toHaveValue("Helsingfors stad");
    await page.getByLabel("Phone", { exact: true }).fill("09 000 0008");
    await page.getByRole("button", { name: "Add the county" }).click();
    await expect(page.getByText("The county has been saved.")).toBeVisible();
    await expect(page.getByRole("heading", { name: /The first meeting place's county/ })).toContainText("Done");
    await expect(page.getByText(/Missing: the client-safety e-mail/)).toBeVisible();

    // The first meeting place, in that county.
    await page.getByRole("link", { name: "Add the first meeting place" }).click();
    await page.getByLabel("Name", { exact: true }).fill("Kohtaamo Itäkeskus");
    await page.getByLabel("Street address", { exact: true }).fill("Itäkatu 1");
    await page.getByLabel("Postal code", { exact: true }).fill("00930");
    await page.getByLabel("City or town", { exact: true }).fill("Helsinki");
    await expect(page.getByLabel("Wellbeing services county", { exact: true })).toHaveValue(/\d+/);
    await page.getByRole("button", { name: "Add the meeting place" }).click();
    await expect(page).toHaveURL(/\/en\/plan\/places\?saved=/);
    await page.goto(at("/en/plan/welcome"));
    await expect(page.getByRole("heading", { name: /: The first meeting place(Done)?$/ })).toContainText("Done");

    // Open: the front page shows the place, and parents read the organisation's own name; still nothing of the demo.
    await page.goto(at("/fi"));
    await expect(page.getByTestId("place")).toHaveText(/Kohtaamo Itäkeskus/);
    await expect(page.getByText("Tapaamisia ei ole vielä julkaistu.")).toBeVisible();
    // One place and nothing published: nothing to filter.
    await expect(page.getByRole("combobox")).toHaveCount(0);
    await page.goto(at("/fi/privacy"));
    await expect(page.getByText(/Vertaistuki Itä ry/).first()).toBeVisible();
    await expect(page.getByText("Sähköposti lähetetään palvelimen localhost kautta.")).toBeVisible();
    await expect(page.getByText("Tekstiviestejä ei lähetetä.")).toBeVisible();
    await page.goto(at("/fi/accessibility"));
    await expect(page.getByText(/Kerro meille: Vertaistuki Itä ry, tietosuoja@vertaistuki\.example/)).toBeVisible();
    await expectNoDemo();
    await page.goto(at("/en/plan/welcome"));

    // A colleague, invited by e-mail.
    const colleague = `colleague.${Date.now()}@example.org`;
    await page.getByRole("link", { name: "Invite colleagues" }).click();
    await page.getByLabel("E-mail", { exact: true }).fill(colleague);
    await page.getByLabel("Name", { exact: true }).fill("Kaisa Kollega");
    const invitedAt = Date.now();
    await page.getByRole("button", { name: "Invite" }).click();
    await waitForMail(colleague, /Kutsu Kohtaamoon|Invitation to Kohtaamo|Inbjudan till Kohtaamo/, invitedAt);
    await page.goto(at("/en/plan/welcome"));
    await expect(page.getByText("1 colleague invited.")).toBeVisible();
    // Done: signing in again goes to the sessions, not the first-run page.
    await page.goto(at("/en/host"));
    await expect(page).toHaveURL(at("/en/host"));
  } finally {
    await context.close();
    await server.stop();
  }
});
