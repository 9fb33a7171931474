// Phone-sized screenshots of the parents' pages for the README: `node scripts/screenshots.mjs
// <base URL> <prefix>` against a running server with the demo data (e.g. `npm start`). Writes
// docs/screenshots/<prefix>-<page>.png at 360×740: the first screen a parent sees (the whole
// page's height is printed; FULL=1 also saves the whole page).
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { chromium } from "@playwright/test";

const require = createRequire(import.meta.url);
const { findChromium } = require("./chromium-path.cjs");

const [base = "http://localhost:3000", prefix = "now"] = process.argv.slice(2);
const out = path.resolve(import.meta.dirname, "../docs/screenshots");
fs.mkdirSync(out, { recursive: true });

const browser = await chromium.launch({
  executablePath: findChromium() ?? undefined,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const page = await browser.newPage({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 1 });

async function shoot(name, url) {
  await page.goto(base + url);
  await page.screenshot({ path: path.join(out, `${prefix}-${name}.png`) });
  if (process.env.FULL === "1") await page.screenshot({ path: path.join(out, `${prefix}-${name}-full.png`), fullPage: true });
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  console.log(`${prefix}-${name}: ${url}, ${height} px tall`);
}

for (const locale of ["fi", "sv", "en"]) await shoot(`front-${locale}`, `/${locale}`);
// The first group meeting from the front page's own links.
await page.goto(`${base}/fi`);
const groupHref = await page.locator('a[href*="/sessions/"]').evaluateAll((links) => {
  const card = links.find((a) => /Ryhmä|ryhmä/.test(a.closest("article")?.textContent ?? ""));
  return card?.getAttribute("href") ?? null;
});
if (groupHref) await shoot("group-fi", groupHref);
await shoot("place-sv", "/sv/places/jarvenpaa");
await browser.close();
