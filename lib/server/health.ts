import "server-only";
import fs from "node:fs";
import path from "node:path";
import { and, isNull, lte, min, sql } from "drizzle-orm";
import type { DB } from "@/db/client";
import { outbox } from "@/db/schema";

/** Mail due longer than this means the mail server has been unreachable for a while: someone should look. */
export const OUTBOX_STUCK_MINUTES = 30;

export type Health = {
  ok: boolean;
  database: { ok: boolean };
  migrations: { ok: boolean; applied: number; known: number };
  outbox: { ok: boolean; oldestDueMinutes: number | null };
};

function journalLength(): number {
  const file = path.join(/*turbopackIgnore: true*/ process.cwd(), "db/migrations/meta/_journal.json");
  return (JSON.parse(fs.readFileSync(file, "utf8")) as { entries: unknown[] }).entries.length;
}

/** Whether the service can do its work now: each part, and the whole. */
export function readiness(db: DB, now = new Date()): Health {
  let database = { ok: false };
  let migrations = { ok: false, applied: 0, known: journalLength() };
  let outboxState: Health["outbox"] = { ok: false, oldestDueMinutes: null };
  try {
    db.get(sql`select 1`);
    database = { ok: true };
    const applied = db.get<{ n: number }>(sql`select count(*) as n from __drizzle_migrations`)?.n ?? 0;
    migrations = { ok: applied === migrations.known, applied, known: migrations.known };
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
  return { ok: database.ok && migrations.ok && outboxState.ok, database, migrations, outbox: outboxState };
}
