// The Lighthouse round of `npm run bench`: each parents' page through Lighthouse's own CLI (mobile
// preset, its default: a mid-range phone on slow 4G with a 4x slower CPU), RUNS times, reporting
// the median of each score, and the spread (lowest to highest) of the performance score and the
// total blocking time: the figures a busy machine moves most. The CLI runs in a child process so
// the mail catcher in this process keeps answering the server meanwhile.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { findChromium } = require("./chromium-path.cjs");

const root = path.resolve(import.meta.dirname, "..");
export const RUNS = 5;
export const AIM = { performance: 95, accessibility: 100, "best-practices": 100 };
const CATEGORIES = Object.keys(AIM);
// Without the background-networking flags Chromium keeps calling hosts this network refuses.
const CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run --disable-dev-shm-usage";

function run(cmd, args, env) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr = (stderr + d).slice(-4000)));
    child.on("exit", (code) => resolve({ code, stderr }));
  });
}

const known = (xs) => xs.filter((x) => x !== null && x !== undefined).sort((a, b) => a - b);
const median = (xs) => {
  const s = known(xs);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : null;
};
/** Lowest and highest of the runs, or null when no run had the figure. */
const spread = (xs) => {
  const s = known(xs);
  return s.length ? [s[0], s.at(-1)] : null;
};
const rounded = (range) => range && range.map(Math.round);

/** One Lighthouse run of one URL: the three scores, the metrics that weigh most, and the audits that failed. */
async function once(url, out) {
  const chrome = findChromium();
  const { code, stderr } = await run(
    process.execPath,
    [
      path.join(root, "node_modules/lighthouse/cli/index.js"),
      url,
      "--quiet",
      "--output=json",
      `--output-path=${out}`,
      `--only-categories=${CATEGORIES.join(",")}`,
      `--chrome-flags=${CHROME_FLAGS}`,
    ],
    { ...process.env, ...(chrome ? { CHROME_PATH: chrome } : {}) },
  );
  if (code !== 0 || !fs.existsSync(out)) throw new Error(`lighthouse ${url} exited ${code}: ${stderr}`);
  const lhr = JSON.parse(fs.readFileSync(out, "utf8"));
  const score = (c) => (lhr.categories[c]?.score === null ? null : Math.round(lhr.categories[c].score * 100));
  const metric = (id) => lhr.audits[id]?.numericValue ?? null;
  // Audits that count towards a score and clearly fall short (under 0.9): what holds a page back.
  const failed = [];
  for (const c of CATEGORIES) {
    for (const ref of lhr.categories[c].auditRefs) {
      const a = lhr.audits[ref.id];
      if (ref.weight > 0 && a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== "informative") failed.push(ref.id);
    }
  }
  return {
    scores: Object.fromEntries(CATEGORIES.map((c) => [c, score(c)])),
    fcpMs: metric("first-contentful-paint"),
    lcpMs: metric("largest-contentful-paint"),
    tbtMs: metric("total-blocking-time"),
    bfCache: lhr.audits["bf-cache"]?.score === 1 ? "yes" : lhr.audits["bf-cache"]?.score === null ? "n/a" : "no",
    bfCacheWhy: (lhr.audits["bf-cache"]?.details?.items ?? []).map((i) => i.protocolReason ?? i.reason).filter(Boolean),
    failed,
  };
}

/**
 * Every page RUNS times; per page the median of each figure. The runs go round the pages (all
 * pages once, then again), so a burst of other work on a shared machine spoils one run of several
 * pages, which the median drops, rather than every run of one page. `pages` is a list of [name, url].
 */
export async function lighthouseRound(pages, tmpDir) {
  fs.mkdirSync(tmpDir, { recursive: true });
  const runs = pages.map(() => []);
  for (let i = 0; i < RUNS; i++) {
    for (const [p, [name, url]] of pages.entries()) {
      console.log(`[bench] lighthouse ${name} ${i + 1}/${RUNS}…`);
      // On a loaded machine Lighthouse now and then loses the trace (NO_NAVSTART): try that run again.
      const file = path.join(tmpDir, `lh-${p}-${i}.json`);
      runs[p].push(await once(url, file).catch(() => once(url, file)).catch(() => once(url, file)));
    }
  }
  return pages.map(([name, url], p) => ({
    page: name,
    path: new URL(url).pathname.replace(/manage\/[^/?]+/, "manage/<token>").replace(/feedback\/[^/?]+/, "feedback/<key>"),
    ...Object.fromEntries(CATEGORIES.map((c) => [c, median(runs[p].map((r) => r.scores[c]))])),
    performanceSpread: spread(runs[p].map((r) => r.scores.performance)),
    fcpMs: Math.round(median(runs[p].map((r) => r.fcpMs))),
    lcpMs: Math.round(median(runs[p].map((r) => r.lcpMs))),
    tbtMs: Math.round(median(runs[p].map((r) => r.tbtMs))),
    tbtMsSpread: rounded(spread(runs[p].map((r) => r.tbtMs))),
    bfCache: runs[p].map((r) => r.bfCache).sort()[Math.floor((RUNS - 1) / 2)],
    bfCacheWhy: [...new Set(runs[p].flatMap((r) => r.bfCacheWhy))],
    failed: [...new Set(runs[p].flatMap((r) => r.failed))],
  }));
}

export function lighthouseLines(results) {
  const widths = [16, 5, 8, 5, 5, 6, 6, 6, 10, 8, 7];
  const row = (cells) => cells.map((c, i) => String(c ?? "–")[i ? "padStart" : "padEnd"](widths[i])).join("  ");
  const range = (r) => (r ? `${r[0]}–${r[1]}` : null);
  const met = (r) => CATEGORIES.every((c) => r[c] !== null && r[c] >= AIM[c]);
  return [
    "",
    `Lighthouse (mobile preset: slow 4G, 4x CPU slowdown), median of ${RUNS} runs per page, and the lowest–highest of the runs for performance and TBT;`,
    `aim: performance >= ${AIM.performance}, accessibility ${AIM.accessibility}, best practices ${AIM["best-practices"]}`,
    row(["page", "perf", "(range)", "a11y", "b.p.", "FCP ms", "LCP ms", "TBT ms", "(range)", "bfcache", "JS KiB"]),
    ...results.map((r) =>
      row([r.page, r.performance, range(r.performanceSpread), r.accessibility, r["best-practices"], r.fcpMs, r.lcpMs, r.tbtMs, range(r.tbtMsSpread), r.bfCache, r.jsGzipKiB]),
    ),
    `aim ${results.every(met) ? "met on every page" : `NOT met on: ${results.filter((r) => !met(r)).map((r) => r.page).join(", ")}`}`,
    ...results
      .filter((r) => r.failed.length || r.bfCacheWhy.length)
      .map((r) => `  ${r.page} (${r.path}): ${[...r.failed, ...r.bfCacheWhy.map((w) => `bfcache: ${w}`)].join(", ")}`),
  ];
}
