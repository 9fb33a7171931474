import { describe, expect, it } from "vitest";
import { helsinkiInstant } from "@/lib/i18n/time";
import { isoWeekday, weeklyOccurrences } from "./recurrence";
import { parseDate } from "./schemas";

const tuesdays = (fromDate: string, toDate: string, skipDates: string[] = []) =>
  weeklyOccurrences({ weekday: 2, startTime: "09:00", endTime: "15:00", fromDate, toDate, skipDates });

describe("weekly occurrences", () => {
  it("gives every weekday between the dates, both ends included", () => {
    // 2026-11-03 is a Tuesday.
    expect(tuesdays("2026-11-03", "2026-11-24").map((o) => o.date)).toEqual(["2026-11-03", "2026-11-10", "2026-11-17", "2026-11-24"]);
  });

  it("starts at the first matching weekday on or after the start date", () => {
    expect(tuesdays("2026-11-04", "2026-11-24").map((o) => o.date)).toEqual(["2026-11-10", "2026-11-17", "2026-11-24"]);
    expect(weeklyOccurrences({ weekday: 7, startTime: "10:00", endTime: "11:00", fromDate: "2026-11-02", toDate: "2026-11-15", skipDates: [] }).map((o) => o.date)).toEqual([
      "2026-11-08",
      "2026-11-15",
    ]);
  });

  it("leaves out the skipped dates", () => {
    expect(tuesdays("2026-12-01", "2026-12-29", ["2026-12-22", "2026-12-29", "2026-12-23"]).map((o) => o.date)).toEqual([
      "2026-12-01",
      "2026-12-08",
      "2026-12-15",
    ]);
  });

  it("gives nothing when the range holds no such weekday", () => {
    expect(tuesdays("2026-11-04", "2026-11-09")).toEqual([]);
  });

  it("keeps 9:00 Helsinki time across the change to summer time (last Sunday of March), so the UTC hour moves", () => {
    const march = tuesdays("2026-03-17", "2026-04-07");
    expect(march.map((o) => o.date)).toEqual(["2026-03-17", "2026-03-24", "2026-03-31", "2026-04-07"]);
    expect(march.map((o) => o.startsAt.toISOString())).toEqual([
      "2026-03-17T07:00:00.000Z", // EET, UTC+2
      "2026-03-24T07:00:00.000Z",
      "2026-03-31T06:00:00.000Z", // EEST from 29 March, UTC+3
      "2026-04-07T06:00:00.000Z",
    ]);
    expect(march.every((o) => o.endsAt.getTime() - o.startsAt.getTime() === 6 * 3_600_000)).toBe(true);
  });

  it("and back to winter time on the last Sunday of October", () => {
    const october = tuesdays("2026-10-20", "2026-11-03");
    expect(october.map((o) => o.startsAt.toISOString())).toEqual([
      "2026-10-20T06:00:00.000Z",
      "2026-10-27T07:00:00.000Z", // clocks went back on 25 October
      "2026-11-03T07:00:00.000Z",
    ]);
  });

  it("does not depend on the server's time zone", () => {
    // The tests run in America/Los_Angeles, whose own change falls on other dates.
    expect(process.env.TZ).toBe("America/Los_Angeles");
    expect(helsinkiInstant("2026-03-08", "09:00").toISOString()).toBe("2026-03-08T07:00:00.000Z");
    expect(isoWeekday("2026-03-08")).toBe(7);
  });
});

describe("dates typed in a form", () => {
  it.each([
    ["2026-03-31", "2026-03-31"],
    ["31.3.2026", "2026-03-31"],
    [" 1.12.2026 ", "2026-12-01"],
    ["2026-02-30", null],
    ["31.4.2026", null],
    ["tomorrow", null],
    ["", null],
  ])("%s → %s", (raw, expected) => {
    expect(parseDate(raw)).toBe(expected);
  });
});
