import { beforeEach, describe, expect, it } from "vitest";
import { asc, eq } from "drizzle-orm";
import type { DB } from "@/db/client";
import { bookings, outbox, series, sessionGroups, sessions } from "@/db/schema";
import { createBooking } from "@/lib/booking/writes";
import { addPlace, bookingInput, testDb } from "@/lib/test/db";
import { groupEditFormSchema, seriesCancelFormSchema } from "./schemas";
import { addStaff, groupInput, seriesInput } from "./test-helpers";
import { cancelSeriesFrom, createGroup, createSeries, updateGroup } from "./writes";

const NOW = new Date("2026-01-01T10:00:00Z");

let db: DB;
let placeId: number;
beforeEach(() => {
  db = testDb();
  placeId = addPlace(db).id;
});

const everything = () => [db.select().from(sessionGroups).all(), db.select().from(sessions).all(), db.select().from(bookings).all(), db.select().from(outbox).all(), db.select().from(series).all()];

function book(sessionId: number, o: Record<string, unknown> = {}) {
  const r = createBooking(db, bookingInput(sessionId, o), NOW);
  if (!r.ok) throw new Error(r.error);
  return r;
}

const groupEdit = (groupId: number, o: Record<string, unknown> = {}) =>
  groupEditFormSchema.parse({ groupId: String(groupId), titleFi: "Vanhempien ryhmä", titleSv: "Föräldragrupp", titleEn: "Parents' group", descriptionFi: "Kuusi tapaamista", capacity: "10", maxPartySize: "2", ...o });

describe("editing a group after it was made", () => {
  it("renames every meeting with its number, and more seats confirm the waiting list and tell the parent", () => {
    const planner = addStaff(db, "planner");
    const made = createGroup(db, planner, groupInput(placeId, { capacity: "2", maxPartySize: "2" }), NOW);
    if (!made.ok) throw new Error(made.error);
    const first = made.sessionIds[0]!;
    book(first, { partySize: 2 });
    const waiting = book(first, { partySize: 2, email: "waiting@example.com" });
    expect(waiting.status).toBe("waitlisted");

    expect(updateGroup(db, planner, groupEdit(made.groupId!, { capacity: "4" }), NOW)).toEqual({ ok: true, promoted: 1 });
    expect(db.select().from(bookings).where(eq(bookings.id, waiting.bookingId)).get()!.status).toBe("confirmed");
    expect(db.select().from(outbox).where(eq(outbox.bookingId, waiting.bookingId)).all().map((m) => m.kind)).toContain("booking_promoted");
    const titles = db.select({ title: sessions.title }).from(sessions).orderBy(asc(sessions.startsAt)).all().map((s) => s.title.en);
    expect(titles).toEqual(titles.map((_, i) => `Parents' group ${i + 1}/${titles.length}`));
    expect(db.select().from(sessionGroups).get()).toMatchObject({ capacity: 4, title: { fi: "Vanhempien ryhmä" } });
  });

  it("refuses fewer seats than are booked, naming how many are, and changes nothing", () => {
    const planner = addStaff(db, "planner");
    const made = createGroup(db, planner, groupInput(placeId), NOW);
    if (!made.ok) throw new Error(made.error);
    book(made.sessionIds[0]!, { partySize: 2 });
    book(made.sessionIds[0]!, { partySize: 2 });
    const before = everything();
    expect(updateGroup(db, planner, groupEdit(made.groupId!, { capacity: "3" }), NOW)).toEqual({ ok: false, error: "capacityBelowBooked", field: "capacity", booked: 4 });
    expect(updateGroup(db, addStaff(db, "facilitator"), groupEdit(made.groupId!), NOW)).toEqual({ ok: false, error: "forbidden" });
    // Once the first meeting has started, what was held is not rewritten, as for a single session.
    const started = new Date(db.select().from(sessions).orderBy(asc(sessions.startsAt)).get()!.startsAt.getTime() + 60_000);
    expect(updateGroup(db, planner, groupEdit(made.groupId!), started)).toEqual({ ok: false, error: "sessionStarted" });
    expect(everything()).toEqual(before);
  });
});

describe("cancelling a weekly series from a date on", () => {
  it("cancels that day's meeting and every later one, tells their bookers, and ends the rule the day before", () => {
    const planner = addStaff(db, "planner");
    // Tuesdays 17, 24 and 31 March and 7 April.
    const made = createSeries(db, planner, seriesInput(placeId, { kind: "info_evening", capacity: "20" }), NOW);
    if (!made.ok) throw new Error(made.error);
    const [, second, third] = made.sessionIds;
    const told = book(third!, { email: "parent@example.com" });

    const r = cancelSeriesFrom(db, planner, seriesCancelFormSchema.parse({ sessionId: String(second), fromDate: "24.3.2026" }), NOW);
    expect(r).toEqual({ ok: true, cancelled: 3, told: 1 });
    expect(db.select({ status: sessions.status }).from(sessions).orderBy(asc(sessions.startsAt)).all().map((s) => s.status)).toEqual([
      "scheduled",
      "cancelled",
      "cancelled",
      "cancelled",
    ]);
    expect(db.select().from(outbox).where(eq(outbox.bookingId, told.bookingId)).all().map((m) => m.kind)).toContain("session_cancelled");
    expect(db.select().from(series).get()!.toDate).toBe("2026-03-23");
  });

  it("refuses a group, a date after the last meeting and anyone but a planner, changing nothing", () => {
    const planner = addStaff(db, "planner");
    const weekly = createSeries(db, planner, seriesInput(placeId), NOW);
    const group = createGroup(db, planner, groupInput(placeId, { fromDate: "2026-05-06", toDate: "2026-05-27" }), NOW);
    if (!weekly.ok || !group.ok) throw new Error("setup");
    const before = everything();
    const from = (sessionId: number, fromDate: string) => seriesCancelFormSchema.parse({ sessionId: String(sessionId), fromDate });
    expect(cancelSeriesFrom(db, planner, from(group.sessionIds[0]!, "2026-05-01"), NOW)).toEqual({ ok: false, error: "notASeries" });
    expect(cancelSeriesFrom(db, planner, from(weekly.sessionIds[0]!, "2026-06-01"), NOW)).toEqual({ ok: false, error: "nothingToCancel", field: "fromDate" });
    expect(cancelSeriesFrom(db, addStaff(db, "facilitator"), from(weekly.sessionIds[0]!, "2026-03-01"), NOW)).toEqual({ ok: false, error: "forbidden" });
    expect(everything()).toEqual(before);
  });
});
