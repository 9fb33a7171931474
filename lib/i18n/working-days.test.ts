import { describe, expect, it } from "vitest";
import { parseDay } from "./time";
import { addWorkingDays, isWorkingDay, workingDaysBetween } from "./working-days";

const day = (s: string) => parseDay(s)!;
const date = (d: number) => new Date(d * 86_400_000).toISOString().slice(0, 10);

describe("Finnish working days", () => {
  it("skips the weekend: received on Friday, two working days is Tuesday", () => {
    expect(date(addWorkingDays(day("2026-03-13"), 2))).toBe("2026-03-17");
    // Received on a working day: that day is day 0.
    expect(date(addWorkingDays(day("2026-03-10"), 2))).toBe("2026-03-12");
    expect(date(addWorkingDays(day("2026-03-10"), 0))).toBe("2026-03-10");
    // Received on Saturday: Monday is day 0.
    expect(date(addWorkingDays(day("2026-03-14"), 2))).toBe("2026-03-18");
  });

  it("knows Midsummer Eve and Midsummer Day (moving with the year)", () => {
    expect(isWorkingDay(day("2026-06-19"))).toBe(false); // Midsummer Eve, a Friday
    expect(isWorkingDay(day("2026-06-20"))).toBe(false); // Midsummer Day
    expect(isWorkingDay(day("2027-06-25"))).toBe(false); // next year's Midsummer Eve
    expect(isWorkingDay(day("2026-06-26"))).toBe(true);
    // Thursday before Midsummer: Thursday is day 0, then Monday, Tuesday.
    expect(date(addWorkingDays(day("2026-06-18"), 2))).toBe("2026-06-23");
  });

  it("knows Christmas (24–26 December) and New Year, but New Year's Eve is a working day", () => {
    for (const d of ["2025-12-24", "2025-12-25", "2025-12-26", "2026-01-01", "2026-01-06"]) expect(isWorkingDay(day(d)), d).toBe(false);
    expect(isWorkingDay(day("2025-12-31"))).toBe(true);
    expect(isWorkingDay(day("2025-12-23"))).toBe(true);
    // Tuesday 23 Dec 2025: day 0; Wed–Fri are Christmas; Mon 29, Tue 30.
    expect(date(addWorkingDays(day("2025-12-23"), 2))).toBe("2025-12-30");
    // Wednesday 31 Dec 2025: day 0; 1 Jan is a holiday; Fri 2 Jan, Mon 5 Jan (6 Jan is Epiphany).
    expect(date(addWorkingDays(day("2025-12-31"), 2))).toBe("2026-01-05");
    expect(date(addWorkingDays(day("2025-12-31"), 3))).toBe("2026-01-07");
  });

  it("counts working days between two days, the day of receipt being day 0", () => {
    expect(workingDaysBetween(day("2026-03-13"), day("2026-03-13"))).toBe(0);
    expect(workingDaysBetween(day("2026-03-13"), day("2026-03-16"))).toBe(1);
    expect(workingDaysBetween(day("2025-12-23"), day("2025-12-29"))).toBe(1);
    expect(workingDaysBetween(day("2026-03-14"), day("2026-03-16"))).toBe(0);
  });
});
