import { beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { DB } from "@/db/client";
import { auditLog, authSessions, placePlanners, users } from "@/db/schema";
import { activeStaffByEmail, type Actor } from "@/lib/auth/staff";
import { addPlace, testDb } from "@/lib/test/db";
import { addStaff } from "@/lib/schedule/test-helpers";
import { inviteFormSchema, noticeFormSchema } from "./schemas";
import { changeStaffRole, deactivateStaff, inviteStaff, setNoticeSettings } from "./writes";

const NOW = new Date("2026-01-01T10:00:00Z");
let db: DB;
let admin: Actor;
let planner: Actor;
let facilitator: Actor;

beforeEach(() => {
  db = testDb();
  admin = addStaff(db, "admin");
  planner = addStaff(db, "planner");
  facilitator = addStaff(db, "facilitator");
});

const roleOf = (id: string) => db.select({ role: users.role }).from(users).where(eq(users.id, id)).get()!.role;
const invite = (o: Record<string, string> = {}) => inviteFormSchema.parse({ email: " New.Person@Example.com ", name: "New Person", role: "facilitator", language: "fi", ...o });

describe("inviting staff", () => {
  it("lets the invited address sign in, stored in lower case", () => {
    expect(inviteStaff(db, planner, invite(), NOW).ok).toBe(true);
    expect(activeStaffByEmail(db, "new.person@example.com")).toMatchObject({ locale: "fi" });
    expect(db.select().from(users).where(eq(users.email, "new.person@example.com")).get()).toMatchObject({ invitedBy: planner.id, role: "facilitator" });
  });

  it("lets a planner invite planners but only an admin invite an admin", () => {
    expect(inviteStaff(db, planner, invite({ role: "planner" }), NOW).ok).toBe(true);
    expect(inviteStaff(db, planner, invite({ email: "boss@example.com", role: "admin" }), NOW)).toEqual({ ok: false, error: "adminOnly" });
    expect(activeStaffByEmail(db, "boss@example.com")).toBeNull();
    expect(inviteStaff(db, admin, invite({ email: "boss@example.com", role: "admin" }), NOW).ok).toBe(true);
  });

  it("refuses an address already active, and brings back a deactivated one", () => {
    inviteStaff(db, planner, invite(), NOW);
    expect(inviteStaff(db, planner, invite(), NOW)).toEqual({ ok: false, error: "emailTaken" });
    const id = activeStaffByEmail(db, "new.person@example.com")!.id;
    deactivateStaff(db, planner, id, NOW);
    expect(activeStaffByEmail(db, "new.person@example.com")).toBeNull();
    expect(inviteStaff(db, planner, invite({ role: "planner" }), NOW)).toEqual({ ok: true, userId: id });
    expect(roleOf(id)).toBe("planner");
  });
});

describe("changing roles", () => {
  it("lets a planner move people between facilitator and planner", () => {
    expect(changeStaffRole(db, planner, facilitator.id, "planner").ok).toBe(true);
    expect(roleOf(facilitator.id)).toBe("planner");
  });

  it("keeps admins to admins: a planner can neither make an admin nor change one", () => {
    expect(changeStaffRole(db, planner, facilitator.id, "admin")).toEqual({ ok: false, error: "adminOnly" });
    expect(changeStaffRole(db, planner, admin.id, "facilitator")).toEqual({ ok: false, error: "adminOnly" });
    expect(deactivateStaff(db, planner, admin.id, NOW)).toEqual({ ok: false, error: "adminOnly" });
    expect([roleOf(facilitator.id), roleOf(admin.id)]).toEqual(["facilitator", "admin"]);
    expect(changeStaffRole(db, admin, facilitator.id, "admin").ok).toBe(true);
    expect(roleOf(facilitator.id)).toBe("admin");
  });

  it("does not let anyone change their own role", () => {
    expect(changeStaffRole(db, admin, admin.id, "planner")).toEqual({ ok: false, error: "notYourself" });
    expect(changeStaffRole(db, planner, planner.id, "facilitator")).toEqual({ ok: false, error: "notYourself" });
  });
});

describe("deactivating", () => {
  it("stops sign-in and ends the person's signed-in sessions at once", () => {
    db.insert(authSessions).values({ sessionToken: "phone", userId: facilitator.id, expires: new Date(Date.now() + 3_600_000) }).run();
    db.insert(authSessions).values({ sessionToken: "mine", userId: planner.id, expires: new Date(Date.now() + 3_600_000) }).run();
    expect(deactivateStaff(db, planner, facilitator.id, NOW).ok).toBe(true);
    expect(activeStaffByEmail(db, facilitator.email)).toBeNull();
    expect(db.select({ t: authSessions.sessionToken }).from(authSessions).all()).toEqual([{ t: "mine" }]);
  });

  it("refuses deactivating yourself, even as an admin", () => {
    expect(deactivateStaff(db, admin, admin.id, NOW)).toEqual({ ok: false, error: "notYourself" });
    expect(deactivateStaff(db, planner, planner.id, NOW)).toEqual({ ok: false, error: "notYourself" });
    expect(activeStaffByEmail(db, admin.email)).not.toBeNull();
  });
});

describe("concern notice settings", () => {
  const settings = (o: Record<string, unknown>) => noticeFormSchema.safeParse({ userId: planner.id, phone: "", ...o });

  it("keep a planner's mobile number in E.164 and the places they answer for, audited; a landline or nonsense is refused", () => {
    const place = addPlace(db).id;
    const input = settings({ phone: "040 123 4567", places: [String(place)] });
    expect(input.success && setNoticeSettings(db, planner, input.data).ok).toBe(true);
    expect(db.select({ phone: users.phone }).from(users).where(eq(users.id, planner.id)).get()!.phone).toBe("+358401234567");
    expect(db.select().from(placePlanners).all()).toEqual([{ placeId: place, userId: planner.id }]);
    expect(db.select({ action: auditLog.action }).from(auditLog).all()).toEqual([{ action: "staff.notice" }]);
    for (const phone of ["09 123 4567", "not a number"]) expect(settings({ phone }).error?.issues[0]?.message, phone).toBe("phoneInvalid");
  });

  it("are refused to a facilitator, and for an admin unless by an admin; deactivation erases the number", () => {
    const mine = settings({ phone: "040 123 4567" });
    if (!mine.success) throw new Error("valid input");
    expect(setNoticeSettings(db, facilitator, mine.data)).toEqual({ ok: false, error: "forbidden" });
    expect(setNoticeSettings(db, planner, { ...mine.data, userId: admin.id })).toEqual({ ok: false, error: "adminOnly" });
    expect(setNoticeSettings(db, admin, mine.data).ok).toBe(true);
    expect(deactivateStaff(db, admin, planner.id, NOW).ok).toBe(true);
    expect(db.select({ phone: users.phone }).from(users).where(eq(users.id, planner.id)).get()!.phone).toBeNull();
  });
});
