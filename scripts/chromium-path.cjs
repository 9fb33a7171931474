// Where a Chromium for the tests is: $CHROMIUM_PATH, then Playwright's own
// download, then the system's (Debian's /usr/bin/chromium). CommonJS and
// synchronous, so both the Playwright config and the .mjs scripts can use it.
const fs = require("node:fs");

const SYSTEM = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

function findChromium() {
  if (process.env.CHROMIUM_PATH && fs.existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH;
  try {
    const own = require("@playwright/test").chromium.executablePath();
    if (own && fs.existsSync(own)) return own;
  } catch {
    // Playwright has no browser of its own here.
  }
  return SYSTEM.find((p) => fs.existsSync(p)) ?? null;
}

module.exports = { findChromium };
