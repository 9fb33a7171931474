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
  "feedback.view",
  "export.csv",
  "export.xlsx",
  "staff.invite",
  "staff.role",
  "staff.deactivate",
  "staff.reactivate",
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
