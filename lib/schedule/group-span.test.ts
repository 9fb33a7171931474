import { describe, expect, it } from "vitest";
import { groupSpan, oneCardPerGroup } from "./group-span";

// Wednesdays 17.30 in Helsinki (15.30 UTC in winter); the tests run in another zone.
const wed = (iso: string) => new Date(`${iso}T15:30:00Z`);

describe("oneCardPerGroup", () => {
  it("keeps a group once, at its first meeting, with all its meetings' span", () => {
    const meetings = ["2026-12-02", "2026-12-09", "2026-12-16", "2026-12-23", "2026-12-30", "2027-01-06"].map((d) => ({ startsAt: wed(d) }));
    const list = [
      { id: 1, groupId: null, startsAt: wed("2026-12-01") },
      { id: 2, groupId: 7, startsAt: meetings[0]!.startsAt },
      { id: 3, groupId: 7, startsAt: meetings[1]!.startsAt },
      { id: 4, groupId: null, startsAt: wed("2026-12-10") },
    ];
    const cards = oneCardPerGroup(list, () => meetings);
    expect(cards.map((c) => c.id)).toEqual([1, 2, 4]);
    expect(cards[1]!.span).toEqual({ count: 6, first: wed("2026-12-02"), last: wed("2027-01-06"), weekday: 3 });
    expect(cards[0]!.span).toBeNull();
  });

  it("names no weekday when the meetings fall on different days", () => {
    expect(groupSpan([{ startsAt: wed("2026-12-02") }, { startsAt: wed("2026-12-10") }])?.weekday).toBeNull();
  });

  it("takes the weekday in Helsinki: 23.30 UTC on a Tuesday is Wednesday there", () => {
    expect(groupSpan([{ startsAt: new Date("2026-12-01T23:30:00Z") }])?.weekday).toBe(3);
  });
});
