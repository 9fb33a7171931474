// Makes sure a Chromium for Playwright exists, installing one when there is none.
import { execSync, spawnSync } from "node:child_process";
import { findChromium } from "./chromium-path.cjs";

function tryRun(cmd) {
  console.log(`[browser] ${cmd}`);
  return spawnSync("sh", ["-c", cmd], { stdio: "inherit", timeout: 15 * 60_000 }).status === 0;
}

export function ensureChromium() {
  let found = findChromium();
  if (found) return found;
  console.log("[browser] no Chromium found; installing one");
  // Playwright's own download works where its CDN is reachable; Debian's package where it is not.
  if (!tryRun("npx playwright install chromium")) {
    const isRoot = process.getuid?.() === 0;
    const hasApt = (() => {
      try {
        execSync("command -v apt-get", { stdio: "ignore" });
        return true;
      } catch {
        return false;
      }
    })();
    if (hasApt) {
      const sudo = isRoot ? "" : "sudo ";
      tryRun(`${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium`);
    }
  }
  found = findChromium();
  if (!found) {
    console.error("[browser] could not find or install Chromium. Set CHROMIUM_PATH to a Chromium or Chrome binary.");
    process.exit(1);
  }
  return found;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(`[browser] using ${ensureChromium()}`);
}
