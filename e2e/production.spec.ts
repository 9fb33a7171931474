import fs from "node:fs";
import Database from "better-sqlite3";
import { test, expect } from "./fixtures";
import { E2E } from "./support/env.cjs";
import { startServer } from "./support/server";

const ADMIN = "first.admin@example.org";

function production(extra: Record<string, string> = {}) {
  return { KOHTAAMO_ENV: "production", AUTH_SECRET: "p".repeat(44), SMTP_URL: `smtp://localhost:${E2E.mailPort}`, ADMIN_EMAIL: ADMIN, ...extra };
}

test("a production service starts empty, reports ready, refuses a proxy it was not told of, logs JSON without addresses, and stops cleanly", async () => {
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
  } finally {
    expect(await server.stop("SIGTERM")).toBe(0);
  }
  // Stopped gracefully: the outbox loop ended and the database was closed (SQLite folds the WAL back in on close).
  expect(fs.existsSync(`${server.dbPath}-wal`)).toBe(false);
  const lines = server.output().trim().split("\n").filter(Boolean);
  const events = lines.map((line) => JSON.parse(line) as { event?: string });
  expect(events.map((e) => e.event)).toEqual(expect.arrayContaining(["server.listening", "server.proxy_unconfigured", "server.stopping", "boot.closed", "server.stopped"]));
  expect(server.output()).not.toContain(ADMIN);
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
