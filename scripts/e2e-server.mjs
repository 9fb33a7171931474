// The server the end-to-end tests run against: the production build, a fresh
// SQLite file with the demo data, and a mail catcher and an SMS catcher whose files the tests read.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { startMailCatcher } from "./mail-catcher.mjs";
import { CATCHER_TOKEN, startSmsCatcher } from "./sms-catcher.mjs";
import { E2E } from "../e2e/support/env.cjs";

fs.rmSync(E2E.dir, { recursive: true, force: true });
fs.mkdirSync(E2E.mailDir, { recursive: true });
await startMailCatcher({ port: E2E.mailPort, dir: E2E.mailDir });
// Any free port: the tests read its files, never its address.
const smsCatcher = await startSmsCatcher({ port: 0, dir: E2E.smsDir, token: CATCHER_TOKEN });

const root = path.resolve(import.meta.dirname, "..");
const server = spawn(process.execPath, [path.join(root, "scripts/server.mjs"), "--port", String(E2E.port), "--hostname", "localhost"], {
  cwd: root,
  stdio: "inherit",
  env: {
    ...process.env,
    DATABASE_PATH: E2E.dbPath,
    SMTP_URL: `smtp://localhost:${E2E.mailPort}`,
    SMS_PROVIDER: "gatewayapi",
    SMS_API_URL: `http://127.0.0.1:${smsCatcher.address().port}`,
    SMS_API_TOKEN: CATCHER_TOKEN,
    APP_URL: E2E.baseURL,
    OUTBOX_INTERVAL_MS: "250",
    BOOKING_RATE_LIMIT: String(E2E.rateLimit),
    BOOKING_RATE_WINDOW_SECONDS: "600",
    // The tests play a reverse proxy: each sends its own X-Forwarded-For, and the server believes one hop of it.
    TRUSTED_PROXY_HOPS: "1",
  },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
