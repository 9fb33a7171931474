import { expect, it } from "vitest";
import ExcelJS from "exceljs";
import { TZDate } from "@date-fns/tz";
import { eq } from "drizzle-orm";
import { auditLog, feedbackResponses } from "@/db/schema";
import { applyDoorOps } from "@/lib/attendance/door-ops";
import { recordWalkIn } from "@/lib/attendance/writes";
import { addPlace, addSession, addStaff, assign, testDb } from "@/lib/test/db";
import { reachReport } from "./access";
import { reachCsv, reachXlsx } from "./export";

it("writes the workbook with numbers as numbers, rates with a format, days as dates, and each session's time and title", async () => {
  const db = testDb();
  const planner = addStaff(db, "planner");
  const placeId = addPlace(db).id;
  // 17:30 in Helsinki on Tuesday 10 November 2026; the figures are read on the 23rd.
  const startsAt = new Date(new TZDate(2026, 10, 10, 17, 30, 0, "Europe/Helsinki").getTime());
  const sessionId = addSession(db, { placeId, capacity: 10, startsAt }).id;
  for (let i = 0; i < 3; i++) expect(recordWalkIn(db, planner, { sessionId, clientKey: `k${i}`, kind: "parent", firstTime: true }, startsAt).ok).toBe(true);
  db.insert(feedbackResponses).values({ sessionId, rating: 4, locale: "en", deviceHash: "d1" }).run();

  const now = new Date(new TZDate(2026, 10, 23, 12, 0, 0, "Europe/Helsinki").getTime());
  const r = reachReport(db, planner, { period: "this_year" }, { now, withSessions: true });
  if (!r.ok) throw new Error(r.error);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await reachXlsx(r.report, "en")) as unknown as ArrayBuffer);
  const [summary, sessions] = workbook.worksheets as [ExcelJS.Worksheet, ExcelJS.Worksheet];

  const rowOf = (ws: ExcelJS.Worksheet, label: string) => {
    let found: ExcelJS.Row | undefined;
    ws.eachRow((row) => {
      if (row.getCell(1).value === label) found ??= row;
    });
    if (!found) throw new Error(`no row ${label}`);
    return found;
  };
  const parents = rowOf(summary, "Parents reached").getCell(2);
  expect(parents.type).toBe(ExcelJS.ValueType.Number);
  expect(parents.value).toBe(3);
  const fill = rowOf(summary, "Fill rate").getCell(2);
  expect(fill.value).toBeCloseTo(0.3);
  expect(fill.numFmt).toBe("0.0%");
  // The ratings read as the form asked them, and the month still under way says so.
  expect(rowOf(summary, "Good").getCell(2).value).toBe(1);
  expect(rowOf(summary, "November 2026 (so far)").getCell(2).value).toBe(3);

  expect(sessions.getRow(1).values).toEqual(expect.arrayContaining(["Date", "Time", "Session", "Meeting place"]));
  const line = sessions.getRow(2);
  expect(line.getCell(1).type).toBe(ExcelJS.ValueType.Date);
  expect((line.getCell(1).value as Date).toISOString()).toBe("2026-11-10T00:00:00.000Z");
  expect(line.getCell(2).type).toBe(ExcelJS.ValueType.Date);
  expect((line.getCell(2).value as Date).toISOString().slice(11, 16)).toBe("17:30"); // Helsinki's wall clock
  expect(line.getCell(2).numFmt).toBe("hh:mm");
  expect(line.getCell(3).value).toBe("Info evening");
  expect(line.getCell(6).type).toBe(ExcelJS.ValueType.Number); // capacity
  expect(sessions.getColumn(3).width).toBeGreaterThanOrEqual("Info evening".length);

  // The CSV reads as the dashboard does.
  const csv = reachCsv(r.report, "en");
  expect(csv).toContain("Fill rate,30%");
  expect(csv).toMatch(/10\/11\/2026,17:30,Info evening,/); // British English: day first, 24-hour clock
  expect(csv).toContain("Good,1");
});

it("marks a session whose figures changed after its day, by whom and when, without the name in a file for publication", async () => {
  const db = testDb();
  const planner = addStaff(db, "planner");
  const facilitator = addStaff(db);
  const placeId = addPlace(db).id;
  const startsAt = new Date(new TZDate(2026, 10, 10, 17, 30, 0, "Europe/Helsinki").getTime());
  const late = addSession(db, { placeId, capacity: 10, startsAt }).id;
  const onTime = addSession(db, { placeId, capacity: 10, startsAt: new Date(startsAt.getTime() + 86_400_000) }).id;
  assign(db, late, facilitator.id);
  // The evening's taps reach the server the next morning; the other session's on its own day.
  const nextMorning = new Date(new TZDate(2026, 10, 11, 8, 0, 0, "Europe/Helsinki").getTime());
  const taps = (n: number, at: number) => Array.from({ length: n }, (_, i) => ({ seq: i, at, type: "tap", clientKey: `late-${at}-${i}`, kind: "parent", firstTime: true }));
  expect(applyDoorOps(db, facilitator, late, taps(6, startsAt.getTime() + 600_000), nextMorning).every((r) => r.ok)).toBe(true);
  // The log stamps a row with the database's clock: put it on the morning the batch landed.
  db.update(auditLog).set({ at: nextMorning }).where(eq(auditLog.action, "door.late_sync")).run();
  expect(recordWalkIn(db, planner, { sessionId: onTime, clientKey: "on-time", kind: "other", firstTime: null }, new Date(startsAt.getTime() + 86_400_000)).ok).toBe(true);

  const now = new Date(new TZDate(2026, 10, 23, 12, 0, 0, "Europe/Helsinki").getTime());
  const report = (q: Record<string, string>) => {
    const r = reachReport(db, planner, { period: "this_year", ...q }, { now, withSessions: true });
    if (!r.ok) throw new Error(r.error);
    return r.report;
  };
  const csv = reachCsv(report({}), "en").split(/\r?\n/);
  expect(csv.find((l) => l.startsWith("Date,"))).toMatch(/,Changed after the day$/);
  expect(csv.find((l) => l.startsWith("10/11/2026"))).toMatch(new RegExp(`,"?Changed later by ${facilitator.name}, 11/11/2026"?$`));
  expect(csv.find((l) => l.startsWith("11/11/2026"))).toMatch(/,$/);
  expect(reachCsv(report({ publish: "1" }), "fi")).toContain("Muutettu myöhemmin, 11.11.2026");
  expect(reachCsv(report({ publish: "1" }), "fi")).not.toContain(facilitator.name);

  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await reachXlsx(report({}), "sv")) as unknown as ArrayBuffer);
  const sessions = workbook.worksheets[1]!;
  expect(sessions.getRow(2).getCell(13).value).toBe(`Ändrat senare av ${facilitator.name}, 11.11.2026`);
  expect(sessions.getRow(3).getCell(13).value).toBeNull();
});
