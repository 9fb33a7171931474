import { test as base, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

let counter = 0;

export const test = base.extend<{ expectAccessible: () => Promise<void> }>({
  // Each test books from an address of its own, so the booking rate limit counts per test.
  extraHTTPHeaders: async ({}, use, testInfo) => {
    counter++;
    await use({ "x-forwarded-for": `198.51.${testInfo.workerIndex % 250}.${counter % 250}` });
  },
  expectAccessible: async ({ page }, use) => {
    await use(async () => {
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
    });
  },
});

export { expect };
