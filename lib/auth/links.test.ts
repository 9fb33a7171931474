import { describe, expect, it } from "vitest";
import { staffReturnPath } from "./links";

describe("the page a sign-in link returns to", () => {
  it("is a staff page of ours, such as the concern a notice linked to", () => {
    expect(staffReturnPath("/fi/plan/feedback/concerns/12", "fi")).toBe("/fi/plan/feedback/concerns/12");
    expect(staffReturnPath("/sv/host", "sv")).toBe("/sv/host");
  });

  it.each(["https://evil.example/fi/plan", "//evil.example/fi/plan", "/\\evil.example", "/fi/plan/../../x", "/fi/feedback/abc", "/fi/plan?x=1", "", null, 12])(
    "refuses %s and goes to the staff front page",
    (next) => {
      expect(staffReturnPath(next, "en")).toBe("/en/host");
    },
  );
});
