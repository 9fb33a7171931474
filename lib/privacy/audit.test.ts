import { beforeEach, describe, expect, it } from "vitest";
import { asc } from "drizzle-orm";
import type { DB } from "@/db/client";
import { auditLog } from "@/db/schema";
import type { Actor } from "@/lib/auth/staff";
import { testDb } from "@/lib/test/db";
import { addStaff } from "@/lib/schedule/test-helpers";
import { inviteFormSchema } from "@/lib/staff/schemas";
import { changeStaffRole, deactivateStaff, inviteStaff } from "@/lib/staff/writes";
import { allMessages } from "@/lib/i18n/translator";
import { audit, auditActions } from "./audit";
import { readAuditLog } from "./audit-reads";

let db: DB;
let planner: Actor;
let facilitator: Actor;
beforeEach(() => {
  db = testDb();
  planner = addStaff(db, "planner");
  facilitator = addStaff(db, "facilitator");
});

const rows = () =>
  db
    .select({ actorId: auditLog.actorId, action: auditLog.action, subjectId: auditLog.subjectId, detail: auditLog.detail })
    .from(auditLog)
    .orderBy(asc(auditLog.id))
    .all();

describe("changes to who may see personal data are audited", () => {
  it("inviting, changing a role, deactivating and reactivating each write their row", () => {
    const invited = inviteStaff(db, planner, inviteFormSchema.parse({ email: "new@example.com", name: "New", role: "facilitator", language: "fi" }));
    if (!invited.ok) throw new Error("invite refused");
    changeStaffRole(db, planner, invited.userId, "planner");
    deactivateStaff(db, planner, invited.userId);
    inviteStaff(db, planner, inviteFormSchema.parse({ email: "new@example.com", name: "New", role: "facilitator", language: "fi" }));
    expect(rows()).toEqual([
      { actorId: planner.id, action: "staff.invite", subjectId: invited.userId, detail: { role: "facilitator" } },
      { actorId: planner.id, action: "staff.role", subjectId: invited.userId, detail: { from: "facilitator", to: "planner" } },
      { actorId: planner.id, action: "staff.deactivate", subjectId: invited.userId, detail: null },
      { actorId: planner.id, action: "staff.reactivate", subjectId: invited.userId, detail: { role: "facilitator" } },
    ]);
  });

  it("a refused change writes nothing", () => {
    changeStaffRole(db, facilitator, planner.id, "facilitator");
    deactivateStaff(db, facilitator, planner.id);
    expect(rows()).toEqual([]);
  });
});

describe("reading the audit log", () => {
  it("is for planners and admins only, filtered by person, action and period, and is itself logged", () => {
    audit(db, facilitator, "roster.view", "session", 1);
    audit(db, planner, "concern.view", "concern", 2);
    audit(db, null, "retention.run", "retention", "2026-01-01", { bookings: 3 });
    expect(readAuditLog(db, facilitator, {})).toBeNull();

    const byPerson = readAuditLog(db, planner, { actorId: facilitator.id })!;
    expect(byPerson.rows.map((r) => r.action)).toEqual(["roster.view"]);
    expect(readAuditLog(db, planner, { actorId: "system" })!.rows.map((r) => [r.action, r.detail])).toEqual([["retention.run", { bookings: 3 }]]);
    expect(readAuditLog(db, planner, { action: "concern.view" })!.rows.map((r) => r.actorName)).toEqual([planner.name]);
    const tomorrow = new Date(Date.now() + 86_400_000);
    expect(readAuditLog(db, planner, { from: tomorrow })!.rows).toEqual([]);
    // Four earlier readings and this one.
    expect(readAuditLog(db, planner, { to: tomorrow, action: "audit.view" })!.rows.length).toBe(5);
  });
});

it("names every audited action on the log page's filter, in every language", () => {
  for (const locale of ["fi", "sv", "en"] as const) {
    const labels = (allMessages[locale] as unknown as { plan: { audit: { actions: Record<string, string> } } }).plan.audit.actions;
    expect(auditActions.filter((a) => !labels[a.replace(".", "_")]), locale).toEqual([]);
  }
});
