import "server-only";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Reader } from "@/db/client";
import { auditLog, users } from "@/db/schema";
import { plannerIn, type Actor } from "@/lib/auth/staff";
import { figuresChangedLater } from "@/lib/privacy/audit";

/**
 * A session's door history: the audited changes to its figures after its
 * day (a tablet's late batch, a planner's correction) and its reopenings, in
 * order. Changes made on the day itself are the door's ordinary work and are
 * not listed. It names staff and counts, never a parent, so looking at it is
 * not itself audited.
 */
const historyActions = [...figuresChangedLater, "session.reopen"] as const;
export type DoorHistoryAction = (typeof historyActions)[number];

export type DoorHistoryEntry = {
  id: number;
  at: Date;
  by: string | null;
  action: DoorHistoryAction;
  detail: Record<string, string | number> | null;
};

const byName = (r: { name: string | null; email: string | null }) => r.name ?? r.email ?? null;

/** For planners and admins only (read from the database): null for anyone else. */
export function doorHistory(tx: Reader, actor: Actor | null, sessionId: number): DoorHistoryEntry[] | null {
  if (!plannerIn(tx, actor)) return null;
  return tx
    .select({ id: auditLog.id, at: auditLog.at, action: auditLog.action, detail: auditLog.detail, name: users.name, email: users.email })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(eq(auditLog.subjectType, "session"), eq(auditLog.subjectId, String(sessionId)), inArray(auditLog.action, historyActions)))
    .orderBy(asc(auditLog.at), asc(auditLog.id))
    .all()
    .map((r) => ({ id: r.id, at: r.at, by: byName(r), action: r.action as DoorHistoryAction, detail: r.detail }));
}

/** Who last changed the session's figures after its day, and when; null when nobody did. */
export function changedLater(tx: Reader, sessionId: number): { by: string | null; at: Date } | null {
  const row = tx
    .select({ at: auditLog.at, name: users.name, email: users.email })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(eq(auditLog.subjectType, "session"), eq(auditLog.subjectId, String(sessionId)), inArray(auditLog.action, figuresChangedLater)))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .get();
  return row ? { by: byName(row), at: row.at } : null;
}
