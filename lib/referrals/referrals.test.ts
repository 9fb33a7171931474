import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { TZDate } from "@date-fns/tz";
import { eq } from "drizzle-orm";
import type { DB } from "@/db/client";
import { bookings, visits } from "@/db/schema";
import type { Actor } from "@/lib/auth/staff";
import { bookingFormSchema } from "@/lib/booking/schemas";
import { createBooking } from "@/lib/booking/writes";
import { checkIn, issueVisitorCode, recordHeardFrom, recordWalkIn } from "@/lib/attendance/writes";
import { computeReach } from "@/lib/reach/metrics";
import { noFilters } from "@/lib/reach/query";
import { refreshReach } from "@/lib/reach/refresh";
import { helsinkiDayOf } from "@/lib/i18n/time";
import { addPlace, addSession, addStaff, assign, bookingInput, testDb } from "@/lib/test/db";

// How a parent heard of Kohtaamo: from the booking form to the visit to the reach figures, and the door's one tap.
const NOW = new Date(new TZDate(2026, 11, 2, 12, 0, 0, "Europe/Helsinki").getTime());
const HOUR = 3_600_000;

let db: DB;
let sessionId: number;
let host: Actor;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(NOW);
  db = testDb();
  const placeId = addPlace(db).id;
  sessionId = addSession(db, { placeId, kind: "info_evening", capacity: 10, startsAt: new Date(NOW.getTime() - HOUR) }).id;
  host = addStaff(db);
  assign(db, sessionId, host.id);
});
afterEach(() => vi.useRealTimers());

const heard = () => db.select({ key: visits.clientKey, heardFrom: visits.heardFrom }).from(visits).where(eq(visits.sessionId, sessionId)).orderBy(visits.id).all();
const newByChannel = () => {
  refreshReach(db);
  const day = helsinkiDayOf(NOW.getTime()).day;
  return computeReach(db, { range: { from: day - 1, to: day + 1 }, filters: noFilters, now: NOW }).newByChannel;
};

describe("how did you hear of Kohtaamo", () => {
  it("is optional on the booking form, and anything but a known channel counts as not said", () => {
    const parse = (heardFrom?: string) => bookingFormSchema.parse({ sessionId: "1", partySize: "1", heardFrom }).heardFrom;
    expect(parse("social_worker")).toBe("social_worker");
    expect(parse("")).toBeNull();
    expect(parse(undefined)).toBeNull();
    expect(parse("Maija Virtanen")).toBeNull();
  });

  it("goes from the booking to every seat's visit at check-in, and counts the new parents by channel", () => {
    const b = createBooking(db, { ...bookingInput(sessionId, { partySize: 2 }), heardFrom: "social_worker", locale: "fi" }, new Date(NOW.getTime() - 2 * HOUR));
    expect(b.ok).toBe(true);
    const id = db.select({ id: bookings.id }).from(bookings).get()!.id;
    expect(checkIn(db, host, sessionId, id).ok).toBe(true);
    expect(heard().map((v) => v.heardFrom)).toEqual(["social_worker", "social_worker"]);
    expect(newByChannel()).toMatchObject({ social_worker: 2, untold: 0 });
  });

  it("is one tap at the door next to a first-time walk-in, changeable, and only for one", () => {
    expect(recordWalkIn(db, host, { sessionId, clientKey: "first1", kind: "parent", firstTime: true }).ok).toBe(true);
    expect(recordWalkIn(db, host, { sessionId, clientKey: "again1", kind: "parent", firstTime: false }).ok).toBe(true);
    expect(recordWalkIn(db, host, { sessionId, clientKey: "prof1", kind: "professional", firstTime: null }).ok).toBe(true);
    expect(recordHeardFrom(db, host, sessionId, "first1", "web").ok).toBe(true);
    expect(recordHeardFrom(db, host, sessionId, "first1", "flyer").ok).toBe(true);
    // A returning parent or a professional is not a new parent: the tap is refused and nothing changes.
    expect(recordHeardFrom(db, host, sessionId, "again1", "web")).toEqual({ ok: false, error: "invalid" });
    expect(recordHeardFrom(db, host, sessionId, "prof1", "web")).toEqual({ ok: false, error: "invalid" });
    expect(heard()).toEqual([
      { key: "first1", heardFrom: "flyer" },
      { key: "again1", heardFrom: null },
      { key: "prof1", heardFrom: null },
    ]);
    expect(newByChannel()).toMatchObject({ flyer: 1, web: 0, untold: 0 });
  });

  it("stays with a first-time tap the code desk turned into a coded visit", () => {
    recordWalkIn(db, host, { sessionId, clientKey: "first2", kind: "parent", firstTime: true });
    recordHeardFrom(db, host, sessionId, "first2", "peer");
    const issued = issueVisitorCode(db, host, sessionId, "codekey2", "first2");
    expect(issued.ok).toBe(true);
    expect(heard()).toEqual([{ key: "codekey2", heardFrom: "peer" }]);
    expect(newByChannel()).toMatchObject({ peer: 1, untold: 0 });
  });

  it("is refused to someone who does not run the session", () => {
    recordWalkIn(db, host, { sessionId, clientKey: "first3", kind: "parent", firstTime: true });
    expect(recordHeardFrom(db, addStaff(db), sessionId, "first3", "web")).toEqual({ ok: false, error: "forbidden" });
    expect(heard()[0]!.heardFrom).toBeNull();
  });
});
