// `npm test`: lint, type check, unit tests, then the end-to-end tests against a
// fresh production build. Runs with a time zone that is not Helsinki's, so code
// that forgets Europe/Helsinki fails here.
import { spawnSync } from "node:child_process";
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
step("type check", bin("tsc"), ["--noEmit"]);
step("unit tests", bin("vitest"), ["run"]);
ensureChromium();
step("production build", bin("next"), ["build"]);
step("end-to-end tests", bin("playwright"), ["test"]);
