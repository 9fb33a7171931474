const os = require("node:os");
const path = require("node:path");

// Shared by the e2e server and the specs, so both look at the same files.
// The overrides let two checkouts (or two people) run the suite side by side.
const dir = process.env.E2E_DIR ?? path.join(os.tmpdir(), "kohtaamo-e2e");
const port = Number(process.env.E2E_PORT ?? 3100);
const E2E = {
  dir,
  dbPath: path.join(dir, "kohtaamo.db"),
  mailDir: path.join(dir, "mail"),
  smsDir: path.join(dir, "sms"),
  port,
  mailPort: Number(process.env.E2E_MAIL_PORT ?? 2526),
  baseURL: `http://localhost:${port}`,
  rateLimit: 6,
};

module.exports = { E2E };
