import "server-only";
import { and, desc, eq, gte, isNull, lt, type SQL } from "drizzle-orm";
import type { DB } from "@/db/client";
import { auditLog, users } from "@/db/schema";
import { plannerIn, type Actor } from "@/lib/auth/staff";
import { helsinkiDayStart } from "@/lib/i18n/time";
import { audit, auditActions, type AuditAction } from "./audit";

export type AuditFilter = {
  /** A staff member's id, or "system" for the app's own jobs. */
  actorId?: string;
  action?: AuditAction;
  from?: Date;
  /** Exclusive. */
  to?: Date;
};

export const AUDIT_PAGE_SIZE = 200;

/** Reads the query string's filters, ignoring anything that is not one. */
export function auditFilter(q: Record<string, string | string[] | undefined>): AuditFilter {
  const one = (k: string) => (typeof q[k] === "string" ? (q[k] as string) : undefined);
  const action = one("action");
  return {
    actorId: one("actor") || undefined,
    action: auditActions.includes(action as AuditAction) ? (action as AuditAction) : undefined,
    from: helsinkiDayStart(one("from")),
    to: helsinkiDayStart(one("to"), 1),
  };
}

/**
 * The audit log for planners and admins (who answer a parent's or an
 * auditor's question about who saw what), newest first. Reading it is itself
 * logged. Null for anyone else.
 */
export function readAuditLog(db: DB, actor: Actor | null, f: AuditFilter) {
  const planner = plannerIn(db, actor);
  if (!planner) return null;
  audit(db, planner, "audit.view", "audit_log", f.action ?? "all");
  const where: SQL[] = [];
  if (f.actorId === "system") where.push(isNull(auditLog.actorId));
  else if (f.actorId) where.push(eq(auditLog.actorId, f.actorId));
  if (f.action) where.push(eq(auditLog.action, f.action));
  if (f.from) where.push(gte(auditLog.at, f.from));
  if (f.to) where.push(lt(auditLog.at, f.to));
  const rows = db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      subjectType: auditLog.subjectType,
      subjectId: auditLog.subjectId,
      detail: auditLog.detail,
      actorName: users.name,
      actorEmail: users.email,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(...where))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE)
    .all();
  const people = db.select({ id: users.id, name: users.name, email: users.email }).from(users).orderBy(users.name).all();
  return { rows, people };
}
