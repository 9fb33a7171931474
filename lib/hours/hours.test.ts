import { beforeEach, describe, expect, it } from "vitest";
import type { DB } from "@/db/client";
import ExcelJS from "exceljs";
import { eq } from "drizzle-orm";
import { sessionFacilitators, users } from "@/db/schema";
import { addPlace, addSession, addStaff, assign, testDb } from "@/lib/test/db";
import { hoursCsv, hoursXlsx } from "./export";
import { hoursView, thisMonth } from "./reads";
import { adjustHoursSchema, hoursInput } from "./schemas";
import { adjustHours } from "./writes";

const HOUR = 3_600_000;
const NOW = new Date("2026-11-20T12:00:00Z");

let db: DB;
let placeId: number;
beforeEach(() => {
  db = testDb();
  placeId = addPlace(db).id;
});

/** A session in Helsinki time: "2026-10-31T23:30" is 21:30 UTC (winter time). */
function held(startsAt: string, hours: number, o: Record<string, unknown> = {}) {
  const start = new Date(startsAt);
  return addSession(db, { placeId, startsAt: start, endsAt: new Date(start.getTime() + hours * HOUR), ...o }).id;
}

describe("experience experts' hours", () => {
  it("are the scheduled lengths of held sessions, by Helsinki month, unless a planner recorded otherwise", () => {
    const eero = addStaff(db, "facilitator");
    const planner = addStaff(db, "planner");
    // 31 October 23:30 in Helsinki is still October there, though already November nowhere else that matters.
    const late = held("2026-10-31T21:30:00Z", 2);
    const nov = held("2026-11-03T07:00:00Z", 6);
    const cancelled = held("2026-11-05T07:00:00Z", 6, { status: "cancelled" });
    const coming = held("2026-11-25T07:00:00Z", 6);
    for (const id of [late, nov, cancelled, coming]) assign(db, id, eero.id);

    expect(adjustHours(db, planner, adjustHoursSchema.parse({ sessionId: nov, userId: eero.id, hours: "7,5" }), NOW)).toEqual({ ok: true });
    const view = hoursView(db, planner, { from: "2026-10-01", to: "2026-11-30" }, NOW);
    if (!view.ok) throw new Error("refused");
    expect(view.people).toHaveLength(1);
    expect(view.people[0]!.lines.map((l) => [l.sessionId, l.minutes, l.adjusted])).toEqual([
      [late, 120, false],
      [nov, 450, true],
    ]);
    expect(view.people[0]!.months).toEqual([
      { month: "2026-10", minutes: 120 },
      { month: "2026-11", minutes: 450 },
    ]);
    expect(view.people[0]!.minutes).toBe(570);
  });

  it("are seen by a facilitator for themselves only, and changed by planners only", () => {
    const eero = addStaff(db, "facilitator");
    const aino = addStaff(db, "facilitator");
    const id = held("2026-11-03T07:00:00Z", 3);
    assign(db, id, eero.id);
    assign(db, id, aino.id);
    const mine = hoursView(db, eero, { person: aino.id }, NOW);
    expect(mine.ok && mine.people.map((p) => p.userId)).toEqual([eero.id]);
    expect(hoursView(db, null, {}, NOW)).toEqual({ ok: false });

    const before = db.select().from(sessionFacilitators).all();
    expect(adjustHours(db, eero, adjustHoursSchema.parse({ sessionId: id, userId: eero.id, hours: "9" }), NOW)).toEqual({ ok: false, error: "forbidden" });
    const planner = addStaff(db, "planner");
    const coming = held("2026-12-01T07:00:00Z", 3);
    assign(db, coming, eero.id);
    expect(adjustHours(db, planner, adjustHoursSchema.parse({ sessionId: coming, userId: eero.id, hours: "4" }), NOW)).toEqual({ ok: false, error: "notHeld" });
    expect(db.select().from(sessionFacilitators).all()).toEqual([...before, { sessionId: coming, userId: eero.id, minutes: null }]);
  });

  it("read hours as people type them", () => {
    expect(["2", "2.5", "2,5", "2:30", "0:45", "24"].map((v) => hoursInput.parse(v))).toEqual([120, 150, 150, 150, 45, 1440]);
    for (const bad of ["", "abc", "25", "2:75", "-1"]) expect(hoursInput.safeParse(bad).success, bad).toBe(false);
  });

  it("default to this month in Helsinki", () => {
    expect(thisMonth(new Date("2026-11-30T22:30:00Z"))).toEqual({ from: "2026-12-01", to: "2026-12-31" });
    expect(thisMonth(NOW)).toEqual({ from: "2026-11-01", to: "2026-11-30" });
  });

  it("export as a Finnish workbook with Helsinki wall times, real numbers, and staff's text never a formula", async () => {
    const eero = addStaff(db, "facilitator");
    db.update(users).set({ name: "=HYPERLINK(\"http://evil.example\")" }).where(eq(users.id, eero.id)).run();
    const planner = addStaff(db, "planner");
    assign(db, held("2026-11-03T07:00:00Z", 2.5), eero.id); // 9.00 in Helsinki
    const view = hoursView(db, planner, { from: "2026-11-01", to: "2026-11-30" }, NOW);
    if (!view.ok) throw new Error("refused");

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await hoursXlsx(view, "fi")) as unknown as ArrayBuffer);
    const ws = workbook.worksheets[0]!;
    expect(ws.getRow(1).getCell(1).value).toBe("Kokemusasiantuntija");
    const line = ws.getRow(2);
    expect(line.getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect(String(line.getCell(1).value)).not.toMatch(/^=/);
    expect(line.getCell(2).type).toBe(ExcelJS.ValueType.Date);
    expect((line.getCell(2).value as Date).toISOString().slice(0, 16)).toBe("2026-11-03T09:00");
    expect(line.getCell(6).type).toBe(ExcelJS.ValueType.Number);
    expect(line.getCell(6).value).toBe(2.5);
    const total = ws.getRow(ws.rowCount);
    expect([total.getCell(3).value, total.getCell(6).value]).toEqual(["Yhteensä", 2.5]);

    // The same in CSV: decimal commas for Finnish, and the name still text.
    const csv = hoursCsv(view, "fi");
    expect(csv).toMatch(/2,5/);
    expect(csv).not.toMatch(/(^|;)=HYPERLINK/m);
  });
});
