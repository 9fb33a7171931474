import "server-only";
import type { Writer } from "@/db/client";
import { auditLog } from "@/db/schema";
import type { Actor } from "@/lib/auth/staff";

/**
 * Everything written to the audit log, in one list, so the log page can offer
 * them as a filter and nobody invents a near-duplicate name.
 */
export const auditActions = [
  "roster.view",
  "concern.list",
  "concern.view",
  "concern.take",
  "concern.assign",
  "concern.status",
  "concern.action",
  "feedback.view",
  "export.csv",
  "export.xlsx",
  "staff.invite",
  "staff.role",
  "staff.deactivate",
  "staff.reactivate",
  "staff.notice",
  "retention.run",
  "audit.view",
  "hours.view",
  "door.correct",
  "door.late_sync",
  "session.reopen",
  "development.list",
  "development.invite",
  "county.create",
  "county.update",
  "concern.handover",
  "concern.handover_view",
  "concern.handover_ack",
] as const;
export type AuditAction = (typeof auditActions)[number];

/**
 * The rows that mean a session's figures changed after its day: a tablet's
 * batch that landed late, or a planner's correction. The planners' session
 * page and the funder's export mark such a session from these.
 */
export const figuresChangedLater = ["door.late_sync", "door.correct"] as const satisfies readonly AuditAction[];

/**
 * Staff looked at personal data, or changed who may see it: who, what, when.
 * The actor is null for the app's own jobs (a retention run).
 */
export function audit(
  db: Writer,
  actor: Actor | null,
  action: AuditAction,
  subjectType: string,
  subjectId: string | number,
  detail?: Record<string, string | number>,
): void {
  db.insert(auditLog)
    .values({ actorId: actor?.id ?? null, action, subjectType, subjectId: String(subjectId), detail: detail ?? null })
    .run();
}
