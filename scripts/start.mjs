// `npm start`: build when the sources changed, start a mail catcher when no SMTP server is
// configured, then serve. Migrations and the demo data are applied by the server at boot
// (instrumentation.ts), so a fresh machine needs nothing else.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { envOrExit } from "../lib/env.mjs";
import { startMailCatcher } from "./mail-catcher.mjs";
import { CATCHER_TOKEN, startSmsCatcher } from "./sms-catcher.mjs";

const root = path.resolve(import.meta.dirname, "..");
process.chdir(root);

const SOURCES = ["app", "components", "lib", "db", "i18n", "messages", "public", "proxy.ts", "instrumentation.ts", "next.config.js", "package.json", "package-lock.json"];

function newestMtime(p) {
  if (!fs.existsSync(p)) return 0;
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(p).map((f) => newestMtime(path.join(p, f))));
}

export function buildIfNeeded() {
  // NEXT_DIST_DIR (next.config.js) lets a second build live beside the first.
  const buildId = path.join(root, process.env.NEXT_DIST_DIR ?? ".next", "BUILD_ID");
  const built = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
  if (built && Math.max(...SOURCES.map(newestMtime)) < built) return;
  console.log("[start] building the app (about a minute on a fresh machine)…");
  const result = spawnSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

async function main() {
  // Settings first: a production service with a missing setting stops here, before a minute of building.
  const settings = envOrExit({ ...process.env, APP_URL: process.env.APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}` });
  buildIfNeeded();
  const port = String(settings.PORT);
  const env = { ...process.env, PORT: port, APP_URL: settings.APP_URL };

  if (!env.SMTP_URL) {
    const mailPort = settings.MAIL_CATCHER_PORT;
    const dir = path.resolve(settings.MAIL_CATCHER_DIR ?? "data/mail");
    await startMailCatcher({ port: mailPort, dir });
    env.SMTP_URL = `smtp://localhost:${mailPort}`;
    // The retention job removes the catcher's files after the same period as the addresses in them.
    env.MAIL_CATCHER_DIR = dir;
    console.log(`[start] no SMTP_URL set: e-mails are caught locally and saved in ${dir} (open the .eml files with any mail program or a text editor)`);
  }

  // In production an unset SMS_PROVIDER means no text messages (the default, "none"): the catcher is the demo's only.
  if (!env.SMS_PROVIDER && settings.KOHTAAMO_ENV !== "production") {
    // The app's real GatewayAPI client talks to a local stand-in, so the demo shows what a parent's phone gets.
    const smsPort = settings.SMS_CATCHER_PORT;
    const dir = path.resolve(settings.SMS_CATCHER_DIR ?? "data/sms");
    await startSmsCatcher({ port: smsPort, dir, token: CATCHER_TOKEN });
    Object.assign(env, { SMS_PROVIDER: "gatewayapi", SMS_API_URL: `http://127.0.0.1:${smsPort}`, SMS_API_TOKEN: CATCHER_TOKEN, SMS_CATCHER_DIR: dir });
    console.log(`[start] no SMS_PROVIDER set: text messages are caught locally and saved in ${dir} (one .txt file each)`);
  }

  console.log(`[start] Kohtaamo on ${env.APP_URL}`);
  const server = spawn(process.execPath, [path.join(root, "scripts/server.mjs"), "--port", port, "--hostname", settings.HOST], {
    stdio: "inherit",
    env,
  });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => process.exit(code ?? 0));
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
