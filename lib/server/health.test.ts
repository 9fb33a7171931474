import { beforeEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { DB } from "@/db/client";
import { queueMail } from "@/lib/mail/outbox";
import { testDb } from "@/lib/test/db";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { OUTBOX_STUCK_MINUTES, readiness as readinessWith } from "./health";

const noBackups = { dir: path.join(os.tmpdir(), "kohtaamo-no-backups"), intervalHours: 0 };
const readiness = (db: DB, now?: Date) => readinessWith(db, noBackups, now);

let db: DB;
beforeEach(() => {
  db = testDb();
});

describe("readiness", () => {
  it("is ok on a migrated database with nothing waiting", () => {
    expect(readiness(db)).toMatchObject({ ok: true, database: { ok: true }, migrations: { ok: true }, outbox: { ok: true, oldestDueMinutes: null } });
  });

  it("is not ok when mail has waited too long to go out", () => {
    const now = new Date();
    queueMail(db, { kind: "booking_reminder", recipient: "p@example.com", notBefore: new Date(now.getTime() - (OUTBOX_STUCK_MINUTES + 1) * 60_000) });
    expect(readiness(db, now)).toMatchObject({ ok: false, outbox: { ok: false, oldestDueMinutes: OUTBOX_STUCK_MINUTES + 1 } });
    // A message for tomorrow is not late.
    const fresh = testDb();
    queueMail(fresh, { kind: "booking_reminder", recipient: "p@example.com", notBefore: new Date(now.getTime() + 86_400_000) });
    expect(readiness(fresh, now).ok).toBe(true);
  });

  it("is not ok when a migration has not been applied", () => {
    db.run(sql`delete from __drizzle_migrations where rowid = (select max(rowid) from __drizzle_migrations)`);
    expect(readiness(db)).toMatchObject({ ok: false, migrations: { ok: false } });
  });

  it("is not ok when the database does not answer", () => {
    db.$client.close();
    expect(readiness(db)).toMatchObject({ ok: false, database: { ok: false } });
  });

  it("is not ok when scheduled backups have stopped", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kohtaamo-backups-"));
    const now = new Date("2026-11-23T12:00:00Z");
    expect(readinessWith(db, { dir, intervalHours: 24 }, now)).toMatchObject({ ok: false, backup: { ok: false, ageHours: null } });
    fs.writeFileSync(path.join(dir, "kohtaamo-20261122T120000Z.db"), "");
    expect(readinessWith(db, { dir, intervalHours: 24 }, now)).toMatchObject({ ok: true, backup: { ok: true, ageHours: 24 } });
    expect(readinessWith(db, { dir, intervalHours: 24 }, new Date("2026-11-25T13:00:00Z"))).toMatchObject({ ok: false, backup: { ok: false, ageHours: 73 } });
  });
});
