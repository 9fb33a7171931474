import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { TZDate } from "@date-fns/tz";
import { addPlace, addSession, addStaff, assign, testDb } from "@/lib/test/db";
import { applyDoorOps } from "./door-ops";
import { changedLater, doorHistory } from "./history";
import { closeSession, recordWalkIn, reopenSession } from "./writes";

const NOW = new Date(new TZDate(2026, 11, 2, 12, 0, 0, "Europe/Helsinki").getTime());
const HOUR = 3_600_000;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(NOW);
});
afterEach(() => vi.useRealTimers());

it("lists the changes after the day in order, with who and how many of each kind, for planners only", () => {
  const db = testDb();
  const sessionId = addSession(db, { placeId: addPlace(db).id, kind: "drop_in", capacity: null, startsAt: new Date(NOW.getTime() - HOUR) }).id;
  const facilitator = addStaff(db);
  const planner = addStaff(db, "planner");
  assign(db, sessionId, facilitator.id);
  // On the day: the door's ordinary work, not history.
  expect(recordWalkIn(db, facilitator, { sessionId, clientKey: "on-the-day", kind: "parent", firstTime: true }).ok).toBe(true);
  expect(changedLater(db, sessionId)).toBeNull();

  const tomorrow = new Date(NOW.getTime() + 20 * HOUR);
  applyDoorOps(db, facilitator, sessionId, [{ seq: 1, at: NOW.getTime(), type: "tap", clientKey: "evening-1", kind: "professional", firstTime: null }], tomorrow);
  expect(closeSession(db, facilitator, sessionId, null, tomorrow).ok).toBe(true);
  expect(reopenSession(db, planner, sessionId).ok).toBe(true);
  expect(recordWalkIn(db, planner, { sessionId, clientKey: "fix-1", kind: "other", firstTime: null }, tomorrow).ok).toBe(true);

  expect(doorHistory(db, facilitator, sessionId)).toBeNull();
  expect(doorHistory(db, planner, sessionId)!.map((e) => [e.action, e.by, e.detail])).toEqual([
    ["door.late_sync", facilitator.name, { day: "2026-12-02", changes: 1, professionals: 1 }],
    ["session.reopen", planner.name, null],
    ["door.correct", planner.name, { day: "2026-12-02", changes: 1, others: 1 }],
  ]);
  expect(changedLater(db, sessionId)).toMatchObject({ by: planner.name });
});
