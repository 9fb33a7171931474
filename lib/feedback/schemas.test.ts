import { describe, expect, it } from "vitest";
import { parseFeedbackFilter } from "./schemas";

describe("the feedback inbox's filters, read from its URL", () => {
  it("takes Helsinki days (the last one whole), a known place and a kind", () => {
    expect(parseFeedbackFilter({ from: "2026-03-29", to: "2026-03-29", place: "tikkurila", kind: "group" }, ["tikkurila"])).toEqual({
      // The clocks go forward that night: the day is 23 hours long.
      from: new Date("2026-03-28T22:00:00Z"),
      to: new Date("2026-03-29T21:00:00Z"),
      placeSlug: "tikkurila",
      kind: "group",
    });
  });

  it("reads anything unknown or malformed as no filter, rather than failing", () => {
    expect(parseFeedbackFilter({ from: "30.3.2026", to: ["2026-03-01", "2026-03-02"], place: "nowhere", kind: "party" }, ["tikkurila"])).toEqual({
      from: undefined,
      to: undefined,
      placeSlug: undefined,
      kind: undefined,
    });
  });
});
