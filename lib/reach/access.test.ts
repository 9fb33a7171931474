import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { addPlace, addSession, addStaff, testDb } from "@/lib/test/db";
import { reachReport } from "./access";

describe("who gets the figures (the dashboard, the report and every export go through reachReport)", () => {
  const db = testDb();
  const place = addPlace(db).id;
  addSession(db, { placeId: place, kind: "drop_in", capacity: null, startsAt: new Date(Date.now() - 86_400_000) });
  const planner = addStaff(db, "planner");
  const admin = addStaff(db, "admin");
  const facilitator = addStaff(db, "facilitator");
  const leaver = addStaff(db, "planner");
  db.update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, leaver.id)).run();

  it.each([
    ["an anonymous visitor", null, false],
    ["a facilitator", facilitator, false],
    ["a deactivated planner", leaver, false],
    ["a facilitator claiming to be a planner", { ...facilitator, role: "planner" as const }, false],
    ["a planner", planner, true],
    ["an admin", admin, true],
  ])("%s", (_who, actor, allowed) => {
    const r = reachReport(db, actor, { period: "all" }, { withSessions: true });
    expect(r.ok).toBe(allowed);
    if (!r.ok) expect(r).toEqual({ ok: false, error: "forbidden" });
    else expect(r.report.sessions).toHaveLength(1);
  });
});
