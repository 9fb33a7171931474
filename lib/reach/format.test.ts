import { expect, it } from "vitest";
import { reachFormat } from "./format";
import { parseDay } from "@/lib/i18n/time";
import { bucketUnfinished } from "./period";

const monthKey = (year: number, month: number) => year * 12 + month; // month 0–11

it("names short months as each language does, so March and November never read alike", () => {
  const fi = reachFormat("fi");
  expect(fi.monthShort(monthKey(2026, 2))).toBe("maalis 26");
  expect(fi.monthShort(monthKey(2026, 10))).toBe("marras 26");
  expect(reachFormat("sv").monthShort(monthKey(2026, 10))).toBe("nov. 26");
  expect(reachFormat("en").monthShort(monthKey(2026, 2))).toBe("Mar 26");
});

it("marks the period still under way", () => {
  const today = parseDay("2026-11-23")!;
  const november = { from: parseDay("2026-11-01")!, to: parseDay("2026-11-23")! };
  const october = { from: parseDay("2026-10-01")!, to: parseDay("2026-10-31")! };
  expect(bucketUnfinished(november, today)).toBe(true);
  expect(bucketUnfinished(october, today)).toBe(false);
  expect(reachFormat("en").bucket("Nov 26", true)).toBe("Nov 26 (so far)");
  expect(reachFormat("fi").bucket("marras 26", true)).toBe("marras 26 (kesken)");
});

it("labels the ratings with the feedback form's own words", () => {
  expect([1, 2, 3, 4].map((n) => reachFormat("en").rating(n as 1 | 2 | 3 | 4))).toEqual(["Bad", "Fairly bad", "Fairly good", "Good"]);
  expect(reachFormat("fi").rating(4)).toBe("Hyvä");
});
