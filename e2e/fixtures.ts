import { test as base, expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

/** Axe's WCAG 2.1 AA and best-practice rules on the page as it is now. */
export async function expectAxeClean(page: Page) {
  // After a client-side navigation Next sets the new title a moment later: wait for it, as a reader would.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

let counter = 0;

export const test = base.extend<{ expectAccessible: () => Promise<void>; cspClean: void; hydrationClean: void }>({
  // The e2e server trusts one proxy hop (TRUSTED_PROXY_HOPS=1) and the tests play that proxy:
  // each test books from an address of its own, so the booking rate limit counts per test.
  extraHTTPHeaders: async ({}, use, testInfo) => {
    counter++;
    await use({ "x-forwarded-for": `198.51.${testInfo.workerIndex % 250}.${counter % 250}` });
  },
  expectAccessible: async ({ page }, use) => {
    await use(() => expectAxeClean(page));
  },
  // Every page every test opens runs under the real Content-Security-Policy: anything it refuses fails the test.
  cspClean: [
    async ({ page }, use) => {
      const refused: string[] = [];
      page.on("console", (message) => {
        if (/Content Security Policy/i.test(message.text())) refused.push(`${page.url()}: ${message.text()}`);
      });
      await use();
      expect(refused).toEqual([]);
    },
    { auto: true },
  ],
  // A page whose server HTML and first client render differ is thrown away and drawn again by React,
  // losing whatever the user had already typed or ticked: every page every test opens must hydrate cleanly.
  hydrationClean: [
    async ({ page }, use) => {
      const mismatches: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error" && /Minified React error #(418|419|423|425)|[Hh]ydrat/.test(message.text())) mismatches.push(`${page.url()}: ${message.text()}`);
      });
      page.on("pageerror", (error) => {
        if (/Minified React error #(418|419|423|425)|[Hh]ydrat/.test(error.message)) mismatches.push(`${page.url()}: ${error.message}`);
      });
      await use();
      expect(mismatches).toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
