import { beforeAll, describe, expect, it } from "vitest";
import { onAppUrl, redirectOnAppUrl, staffReturnPath } from "./links";

beforeAll(() => {
  process.env.APP_URL = "https://kohtaamo.example.fi";
});

const HOME = "https://kohtaamo.example.fi/";

describe("where a sign-in or sign-out sends someone", () => {
  it("is a page of ours, with its query", () => {
    expect(redirectOnAppUrl("/fi/staff/sign-in?signedOut=1")).toBe("https://kohtaamo.example.fi/fi/staff/sign-in?signedOut=1");
    expect(redirectOnAppUrl("https://kohtaamo.example.fi/en/host")).toBe("https://kohtaamo.example.fi/en/host");
    expect(redirectOnAppUrl("fi/host")).toBe("https://kohtaamo.example.fi/fi/host");
  });

  it("is our front page for anything that would land on another site", () => {
    const attempts = [
      "https://evil.example//evil.example/phish",
      "https://evil.example/phish",
      "http://kohtaamo.example.fi/fi/host", // another origin: http, not https
      "https://kohtaamo.example.fi.evil.example/",
      "https://kohtaamo.example.fi@evil.example/",
      "//evil.example",
      "//evil.example/phish",
      "///evil.example",
      "/\\evil.example",
      "\\\\evil.example",
      "\\/evil.example",
      "http:evil.example",
      "https:\\\\evil.example",
      "/\t/evil.example",
      "/\n/evil.example",
      "\t//evil.example",
      " //evil.example",
      "//evil%2Eexample",
      "javascript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "https://kohtaamo.example.fi//evil.example/phish",
      "https://kohtaamo.example.fi/\\evil.example",
      "http://[::1",
    ];
    for (const url of attempts) expect([url, redirectOnAppUrl(url)]).toEqual([url, HOME]);
    // With APP_URL on https, a browser reads "https:evil.example" as a path of ours, and so does the check.
    expect(redirectOnAppUrl("https:evil.example")).toBe("https://kohtaamo.example.fi/evil.example");
  });

  it("keeps an encoded slash encoded: a path of ours, never a host", () => {
    for (const url of ["/%2F%2Fevil.example", "%2F%2Fevil.example", "/%5C%5Cevil.example"]) {
      const target = new URL(redirectOnAppUrl(url));
      expect(target.origin).toBe("https://kohtaamo.example.fi");
      expect(target.pathname).toMatch(/^\/%(2F|5C)/);
    }
  });
});

describe("a link we send", () => {
  it("is on APP_URL with the path and query it was given, even when the path starts with two slashes", () => {
    expect(onAppUrl("http://localhost:3000/api/auth/callback/nodemailer?token=t")).toBe("https://kohtaamo.example.fi/api/auth/callback/nodemailer?token=t");
    expect(new URL(onAppUrl("https://evil.example//evil.example/phish")).origin).toBe("https://kohtaamo.example.fi");
  });
});

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

  it("without a page asked for is the role's front page: planning for a planner or admin, the door's list for an experience expert", () => {
    expect(staffReturnPath(undefined, "fi", "planner")).toBe("/fi/plan");
    expect(staffReturnPath(null, "sv", "admin")).toBe("/sv/plan");
    expect(staffReturnPath("//evil.example/fi/plan", "fi", "planner")).toBe("/fi/plan");
    expect(staffReturnPath(undefined, "fi", "facilitator")).toBe("/fi/host");
    // A page asked for still wins: a planner who opened the door's list goes back to it.
    expect(staffReturnPath("/fi/host", "fi", "planner")).toBe("/fi/host");
  });
});
