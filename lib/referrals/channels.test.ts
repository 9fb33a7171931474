import { describe, expect, it } from "vitest";
import { channelFromTag, flyerFrom, passOnTag } from "./channels";

describe("a link's channel tag", () => {
  it("stands for a flyer when it is one of the flyers' own tags", () => {
    expect(channelFromTag(flyerFrom("sw"))).toBe("flyer");
    expect(channelFromTag(["flyer-library", "x"])).toBe("flyer");
    expect(passOnTag("flyer-health")).toBe("flyer-health");
  });

  it("is ignored when it is anything else, so a link cannot carry a name", () => {
    for (const tag of ["flyer-maija.virtanen", "flyer-", "sw", "", undefined, 3, "flyer-SW"]) {
      expect(channelFromTag(tag)).toBeNull();
      expect(passOnTag(tag)).toBeNull();
    }
  });
});
