const os = require("node:os");
const path = require("node:path");

// Shared by the e2e server and the specs, so both look at the same files.
const dir = path.join(os.tmpdir(), "kohtaamo-e2e");
const E2E = {
  dir,
  dbPath: path.join(dir, "kohtaamo.db"),
  mailDir: path.join(dir, "mail"),
  port: 3100,
  mailPort: 2526,
  baseURL: "http://localhost:3100",
  rateLimit: 6,
};

module.exports = { E2E };
