import { describe, expect, it } from "vitest";
import { maskCount, maskRate, protectParts, protectTable, publishReach } from "./publication";
import type { Reach } from "./metrics";

describe("for publication: counts under 5", () => {
  it("shows counts under 5 as <5 only when publishing", () => {
    expect([0, 1, 4, 5, 12].map((n) => maskCount(n, true))).toEqual(["<5", "<5", "<5", 5, 12]);
    expect(maskCount(3, false)).toBe(3);
  });

  it("hides one more part when a single small part could be had by subtraction", () => {
    // 20 visits = 12 + 5 + 3: with 3 hidden, 20 - 12 - 5 would give it; the 5 goes too.
    expect(protectParts(20, [12, 5, 3])).toEqual([12, "hidden", "<5"]);
  });

  it("hides parts until the hidden ones add up to 5 or more", () => {
    // 1 + 2 = 3 hidden would be known as a sum of 3: the 6 goes too.
    expect(protectParts(30, [1, 2, 6, 21])).toEqual(["<5", "<5", "hidden", 21]);
    expect(protectParts(30, [3, 4, 10, 13])).toEqual(["<5", "<5", 10, 13]);
  });

  it("needs nothing more when the total itself is hidden, or no part is small", () => {
    expect(protectParts("<5", [1, 2])).toEqual(["<5", "<5"]);
    expect(protectParts(17, [5, 12])).toEqual([5, 12]);
  });

  it("protects a table's rows and columns together", () => {
    // Rows: sessions (attended split into checked in, walk-in parents, professionals, others); columns add up to the totals.
    const cells = [
      [6, 7, 1, 0],
      [5, 9, 6, 5],
    ];
    const masked = protectTable(cells, [14, 25], [11, 16, 7, 5]);
    expect(masked[0]).toEqual(["hidden", 7, "<5", "<5"]);
    // Row 0 hid 1 and 0, then the 6 (1 + 0 alone would be known). Column 2 (1 + 6) then hides the 6 below,
    // column 3 (0 + 5) the 5; column 0 already hides 6, so its 5 may show.
    expect(masked[1]).toEqual([5, 9, "hidden", "hidden"]);
    // Every row and column with a hidden cell hides at least 5 in all.
    for (const [r, row] of masked.entries()) {
      const hidden = row.reduce<number>((s, m, c) => s + (typeof m === "number" ? 0 : cells[r]![c]!), 0);
      expect(hidden === 0 || hidden >= 5).toBe(true);
    }
  });

  it("hides rates that rest on a small count", () => {
    expect(maskRate(0.25, true, 2, 8)).toBe("hidden");
    expect(maskRate(0.5, true, 10, 10)).toBe(0.5);
    expect(maskRate(null, true, 0)).toBeNull();
    expect(maskRate(0.25, false, 1)).toBe(0.25);
  });
});

describe("for publication: new parents by channel", () => {
  const reach = (newParents: number, channels: Record<string, number>) =>
    ({
      current: { newParents, visits: 0, parentVisits: 0, professionals: 0, others: 0, parentsReached: 0, sessionsHeld: 0, visitsAtCapacity: 0, confirmedBookings: 0, noShows: 0 },
      previous: { newParents: 0, visits: 0, parentVisits: 0, professionals: 0, others: 0, parentsReached: 0, sessionsHeld: 0, visitsAtCapacity: 0, confirmedBookings: 0, noShows: 0 },
      series: [],
      byPlace: [],
      byKind: [],
      arrivals: { firstTime: 0, returning: 0, notAsked: 0 },
      newByChannel: { social_worker: 0, professional: 0, peer: 0, web: 0, flyer: 0, other: 0, untold: 0, ...channels },
      feedback: { responses: 0, asked: 0, responseRate: null, ratings: [0, 0, 0, 0], rated: 0, meanRating: null, gotInformation: { yes: 0, answered: 0, share: null }, lessAlone: { yes: 0, answered: 0, share: null }, wouldReturn: { yes: 0, answered: 0, share: null } },
    }) as unknown as Reach;

  it("hides a channel under 5, and one more when the hidden ones come to less than 5", () => {
    // 20 new parents = 10 + 6 + 4: the flyer's 4 would be 20 - 10 - 6, so the 6 goes too.
    const p = publishReach(reach(20, { social_worker: 10, peer: 6, flyer: 4 }), true).newByChannel;
    expect(p).toMatchObject({ social_worker: 10, peer: "hidden", flyer: "<5", web: "<5", untold: "<5" });
    const hidden = Object.entries({ social_worker: 10, peer: 6, flyer: 4 }).filter(([k]) => typeof p[k as keyof typeof p] !== "number");
    expect(hidden.reduce((n, [, v]) => n + v, 0)).toBeGreaterThanOrEqual(5);
  });

  it("shows every channel in the planners' own view", () => {
    expect(publishReach(reach(20, { social_worker: 10, peer: 6, flyer: 4 }), false).newByChannel).toMatchObject({ social_worker: 10, peer: 6, flyer: 4, web: 0 });
  });
});
