import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { allMessages } from "@/lib/i18n/translator";
import { axeTags, conformance, dates, exceptions, methods, nextReview, wcag22Met } from "./statement";

const fixtures = fs.readFileSync(path.resolve(import.meta.dirname, "../../e2e/fixtures.ts"), "utf8");

describe("the accessibility statement", () => {
  it("names the very rule sets the end-to-end tests run axe with", () => {
    const used = fixtures.match(/withTags\(\[([^\]]*)\]\)/);
    expect(used, "expectAxeClean in e2e/fixtures.ts calls withTags([...])").not.toBeNull();
    const tags = [...used![1]!.matchAll(/"([^"]+)"/g)].map((m) => m[1]);
    expect(tags).toEqual([...axeTags]);
  });

  it("claims no more than the tests check: the claimed WCAG version and level are among the axe tags", () => {
    const tag = `wcag${conformance.wcag.replace(".", "")}${conformance.level.toLowerCase()}`;
    expect(axeTags).toContain(tag);
    // A 2.2 claim beyond the criteria checked by hand would need the wcag22aa tags in the tests.
    expect(axeTags.some((t) => t.startsWith("wcag22"))).toBe(false);
    expect(wcag22Met.every((c) => /^\d\.\d\.\d+$/.test(c))).toBe(true);
  });

  it("has words for every criterion, exception and method in every language", () => {
    for (const locale of ["fi", "sv", "en"] as const) {
      const s = allMessages[locale].a11yStatement as unknown as Record<string, Record<string, string>>;
      for (const c of wcag22Met) expect(s.criteria![c.replaceAll(".", "_")], `${locale} ${c}`).toBeTruthy();
      for (const e of exceptions) expect(s.exceptions![e], `${locale} ${e}`).toBeTruthy();
      for (const m of methods) expect(s.methods![m], `${locale} ${m}`).toBeTruthy();
    }
  });

  it("is reviewed within the year the law allows", () => {
    expect(dates.prepared <= dates.reviewed && dates.assessed <= dates.reviewed).toBe(true);
    expect(nextReview("2026-12-08")).toBe("2027-12-08");
    // Deliberately fails once a year has passed: review the statement and change dates.reviewed.
    expect(new Date().toISOString().slice(0, 10) <= nextReview()).toBe(true);
  });
});
