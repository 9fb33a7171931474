import { describe, expect, it } from "vitest";
import { isoWeekKey, prune } from "./retention.mjs";

const at = (iso: string) => ({ at: new Date(iso), name: new Date(iso).toISOString() });
const names = (list: { name: string }[]) => list.map((b) => b.name);

describe("isoWeekKey", () => {
  it("counts ISO weeks in UTC across year ends", () => {
    expect(isoWeekKey(new Date("2026-11-23T08:35:00Z"))).toBe("2026-W48");
    expect(isoWeekKey(new Date("2026-01-01T00:00:00Z"))).toBe("2026-W01"); // a Thursday
    expect(isoWeekKey(new Date("2026-12-31T23:59:59Z"))).toBe("2026-W53");
    expect(isoWeekKey(new Date("2027-01-03T12:00:00Z"))).toBe("2026-W53"); // a Sunday
    expect(isoWeekKey(new Date("2027-01-04T00:00:00Z"))).toBe("2027-W01");
    expect(isoWeekKey(new Date("2024-12-30T10:00:00Z"))).toBe("2025-W01");
    // Sunday late evening in Helsinki is already Monday in UTC only after midnight UTC.
    expect(isoWeekKey(new Date("2026-11-29T23:30:00Z"))).toBe("2026-W48");
  });
});

describe("prune (grandfather-father-son)", () => {
  it("keeps the newest copy of each of the last N days and of each of the last M ISO weeks", () => {
    // Two copies a day, every day from Monday 2026-09-28 to Monday 2026-11-23.
    const backups = [];
    for (let t = Date.parse("2026-09-28T03:00:00Z"); t <= Date.parse("2026-11-23T15:00:00Z"); t += 12 * 3_600_000) {
      backups.push(at(new Date(t).toISOString()));
    }
    const { keep, remove } = prune(backups, { keepDaily: 3, keepWeekly: 4 });
    expect(names(keep)).toEqual([
      "2026-11-23T15:00:00.000Z", // today, and the newest of week 48
      "2026-11-22T15:00:00.000Z", // the newest of Sunday, and of week 47
      "2026-11-21T15:00:00.000Z",
      "2026-11-15T15:00:00.000Z", // week 46
      "2026-11-08T15:00:00.000Z", // week 45
    ]);
    expect(keep.length + remove.length).toBe(backups.length);
  });

  it("counts days that have a copy, so a month without backups does not prune the last good ones", () => {
    const backups = [at("2026-10-01T03:00:00Z"), at("2026-10-02T03:00:00Z"), at("2026-10-02T15:00:00Z"), at("2026-11-20T03:00:00Z")];
    expect(names(prune(backups, { keepDaily: 3, keepWeekly: 0 }).keep)).toEqual([
      "2026-11-20T03:00:00.000Z",
      "2026-10-02T15:00:00.000Z",
      "2026-10-01T03:00:00.000Z",
    ]);
  });

  it("always keeps the newest copy, even with nothing to keep", () => {
    const backups = [at("2026-11-22T03:00:00Z"), at("2026-11-23T03:00:00Z")];
    expect(names(prune(backups, { keepDaily: 0, keepWeekly: 0 }).keep)).toEqual(["2026-11-23T03:00:00.000Z"]);
  });

  it("uses UTC days whatever the server's time zone", () => {
    // 23:30 and 00:30 UTC are the same evening in Los Angeles (where the tests run) but two days here.
    const backups = [at("2026-11-22T23:30:00Z"), at("2026-11-23T00:30:00Z")];
    expect(prune(backups, { keepDaily: 2, keepWeekly: 0 }).remove).toEqual([]);
  });
});
