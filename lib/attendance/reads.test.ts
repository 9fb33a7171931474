import { beforeEach, expect, it } from "vitest";
import { TZDate } from "@date-fns/tz";
import type { DB } from "@/db/client";
import { addPlace, addSession, addStaff, assign, testDb } from "@/lib/test/db";
import { hostSessions } from "./reads";
import { closeSession } from "./writes";

const helsinki = (d: number, h: number) => new Date(new TZDate(2026, 11, d, h, 0, 0, "Europe/Helsinki").getTime());
let db: DB;
beforeEach(() => {
  db = testDb();
});

it("keeps a past session on the facilitator's list, to close, until it is closed", () => {
  const placeId = addPlace(db).id;
  const me = addStaff(db);
  const yesterday = addSession(db, { placeId, startsAt: helsinki(1, 17) }).id;
  const lastWeek = addSession(db, { placeId, startsAt: helsinki(24 - 30, 17) }).id; // 24 November
  const cancelled = addSession(db, { placeId, startsAt: helsinki(1, 10), status: "cancelled" }).id;
  const today = addSession(db, { placeId, startsAt: helsinki(2, 17) }).id;
  const notMine = addSession(db, { placeId, startsAt: helsinki(1, 12) }).id;
  for (const id of [yesterday, lastWeek, cancelled, today]) assign(db, id, me.id);
  void notMine;

  const morning = helsinki(2, 8);
  expect(hostSessions(db, me, morning).map((s) => [s.id, s.toClose])).toEqual([
    [lastWeek, true],
    [yesterday, true],
    [today, false],
  ]);
  expect(closeSession(db, me, yesterday, null, helsinki(2, 8)).ok).toBe(true);
  expect(hostSessions(db, me, morning).map((s) => s.id)).toEqual([lastWeek, today]);
});
