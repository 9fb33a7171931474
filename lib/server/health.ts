import "server-only";
import path from "node:path";
import { and, isNull, lte, min } from "drizzle-orm";
import type { DB } from "@/db/client";
import { outbox } from "@/db/schema";
import { latestBackup, migrationStatus } from "@/lib/backup/backup.mjs";

/** Mail due longer than this means the mail server has been unreachable for a while: someone should look. */
export const OUTBOX_STUCK_MINUTES = 30;

export type Health = {
  ok: boolean;
  database: { ok: boolean };
  migrations: { ok: boolean; pending: number; unknown: number };
  outbox: { ok: boolean; oldestDueMinutes: number | null };
  /** Ok when backups are off (no interval) or the newest is younger than two intervals. */
  backup: { ok: boolean; ageHours: number | null; intervalHours: number };
};

export const migrationsDir = () => path.join(/*turbopackIgnore: true*/ process.cwd(), "db/migrations");

/** Whether the service can do its work now: each part, and the whole. */
export function readiness(db: DB, backups: { dir: string; intervalHours: number }, now = new Date()): Health {
  let database = { ok: false };
  let migrations = { ok: false, pending: 0, unknown: 0 };
  let outboxState: Health["outbox"] = { ok: false, oldestDueMinutes: null };
  try {
    const status = migrationStatus(db.$client, migrationsDir());
    database = { ok: true };
    migrations = { ok: status.pending.length === 0 && status.unknown === 0, pending: status.pending.length, unknown: status.unknown };
    const oldest = db
      .select({ at: min(outbox.notBefore) })
      .from(outbox)
      .where(and(isNull(outbox.sentAt), isNull(outbox.droppedAt), lte(outbox.notBefore, now)))
      .get()?.at;
    const minutes = oldest ? Math.floor((now.getTime() - new Date(oldest).getTime()) / 60_000) : null;
    outboxState = { ok: minutes === null || minutes < OUTBOX_STUCK_MINUTES, oldestDueMinutes: minutes };
  } catch {
    // A database that does not answer leaves the rest unknown and not ok.
  }
  const latest = latestBackup(backups.dir);
  const ageHours = latest ? Math.floor((now.getTime() - latest.at.getTime()) / 3_600_000) : null;
  const backup = {
    ok: backups.intervalHours === 0 || (ageHours !== null && ageHours < 2 * backups.intervalHours),
    ageHours,
    intervalHours: backups.intervalHours,
  };
  return { ok: database.ok && migrations.ok && outboxState.ok && backup.ok, database, migrations, outbox: outboxState, backup };
}
