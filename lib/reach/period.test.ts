import { describe, expect, it } from "vitest";
import { helsinkiDayOf } from "@/lib/i18n/time";
import { parseDay } from "@/lib/i18n/time";
import { formatDay, previousRange, resolvePeriod, utcBounds } from "./period";
import { parseReachView } from "./query";

const d = (s: string) => parseDay(s)!;

describe("Helsinki days", () => {
  it("turns an instant into its Helsinki date, across the change to summer time", () => {
    // 29 March 2026: 00:30 in Helsinki is 22:30 UTC the day before; 03:00 EEST is 00:00 UTC.
    expect(formatDay(helsinkiDayOf(Date.UTC(2026, 2, 28, 22, 30)).day)).toBe("2026-03-29");
    expect(formatDay(helsinkiDayOf(Date.UTC(2026, 2, 28, 21, 59)).day)).toBe("2026-03-28");
    expect(formatDay(helsinkiDayOf(Date.UTC(2026, 2, 31, 21, 30)).day)).toBe("2026-04-01");
  });

  it("gives the UTC bounds of a period crossing the change (the last day is 23 hours long)", () => {
    const { start, end } = utcBounds({ from: d("2026-03-28"), to: d("2026-03-29") });
    expect(start.toISOString()).toBe("2026-03-27T22:00:00.000Z");
    expect(end.toISOString()).toBe("2026-03-29T21:00:00.000Z");
  });

  it("refuses dates that do not exist", () => {
    expect(parseDay("2026-02-30")).toBeNull();
    expect(parseDay("30.3.2026")).toBeNull();
  });
});

describe("periods", () => {
  const today = d("2026-05-14");
  it.each([
    ["this_month", "2026-05-01", "2026-05-31"],
    ["last_month", "2026-04-01", "2026-04-30"],
    ["this_quarter", "2026-04-01", "2026-06-30"],
    ["this_year", "2026-01-01", "2026-12-31"],
    ["all", "2025-09-02", "2026-05-14"],
  ] as const)("%s", (preset, from, to) => {
    expect(resolvePeriod(preset, today, { firstDay: d("2025-09-02") })).toEqual({ from: d(from), to: d(to) });
  });

  it("compares with the period of the same length just before", () => {
    expect(previousRange({ from: d("2026-03-01"), to: d("2026-03-31") })).toEqual({ from: d("2026-01-29"), to: d("2026-02-28") });
  });

  it("reads the view from the URL and ignores what does not exist", () => {
    const v = parseReachView({ from: "2026-03-31", to: "2026-03-01", place: "99", kind: "drop_in", county: "99", publish: "1" }, { today, firstDay: null, placeIds: [1], countyIds: [1] });
    expect(v).toMatchObject({ preset: "custom", from: "2026-03-01", to: "2026-03-31", filters: { placeId: null, kind: "drop_in", county: null }, publish: true });
    expect(parseReachView({ period: "bogus" }, { today, firstDay: null, placeIds: [], countyIds: [] }).preset).toBe("this_year");
  });
});
