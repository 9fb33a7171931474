// `npm test`: lint, type check, unit tests, then the end-to-end tests against a
// fresh production build. Runs with a time zone that is not Helsinki's, so code
// that forgets Europe/Helsinki fails here.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ensureChromium } from "./ensure-browser.mjs";

const root = path.resolve(import.meta.dirname, "..");
const env = { ...process.env, TZ: "America/Los_Angeles", NEXT_TELEMETRY_DISABLED: "1" };
const bin = (name) => path.join(root, "node_modules/.bin", name);

function step(title, cmd, args) {
  console.log(`\n== ${title}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env });
  if (r.status !== 0) {
    console.error(`\n${title} failed.`);
    process.exit(r.status ?? 1);
  }
  console.log(`== ${title}: ok (${Math.round((Date.now() - started) / 1000)} s)`);
}

step("lint", bin("eslint"), ["."]);
// Route types (PageProps and friends) are generated, not committed: make them first on a fresh clone.
step("route types", bin("next"), ["typegen"]);
step("type check", bin("tsc"), ["--noEmit"]);
const reports = path.join(root, "test-results");
fs.rmSync(reports, { recursive: true, force: true });
step("unit tests", bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile=${reports}/unit.json`]);
ensureChromium();
step("production build", bin("next"), ["build"]);
step("end-to-end tests", bin("playwright"), ["test"]);

// One closing line for both runners, read from their own reports.
const unit = JSON.parse(fs.readFileSync(`${reports}/unit.json`, "utf8"));
const e2e = JSON.parse(fs.readFileSync(`${reports}/e2e.json`, "utf8")).stats;
const passed = unit.numPassedTests + e2e.expected;
const failed = unit.numFailedTests + e2e.unexpected + e2e.flaky;
console.log(`\nunit ${unit.numPassedTests}, end-to-end ${e2e.expected}`);
console.log(`${passed} passed, ${failed} failed`);
if (passed === 0 || failed > 0) process.exit(1);
