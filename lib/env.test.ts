import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readEnv } from "./env.mjs";

const production = {
  KOHTAAMO_ENV: "production",
  APP_URL: "https://kohtaamo.example.fi",
  AUTH_SECRET: "x".repeat(44),
  SMTP_URL: "smtp://mail.example.fi:587",
  MAIL_FROM: "Kohtaamo <kohtaamo@example.fi>",
};

describe("the environment", () => {
  it("runs the demo with no settings at all", () => {
    const result = readEnv({});
    expect(result).toMatchObject({ ok: true, env: { KOHTAAMO_ENV: "demo", SEED_DEMO: true, DATABASE_PATH: "./data/kohtaamo.db", TRUSTED_PROXY_HOPS: 0 } });
  });

  it("starts in production when everything is set, with no demo data by default", () => {
    expect(readEnv(production)).toMatchObject({ ok: true, env: { SEED_DEMO: false } });
    // Trying it out on the machine itself is allowed over http.
    expect(readEnv({ ...production, APP_URL: "http://localhost:3000" }).ok).toBe(true);
  });

  it.each([
    ["an http address", { APP_URL: "http://kohtaamo.example.fi" }, /APP_URL must be the public https/],
    ["no secret", { AUTH_SECRET: undefined }, /AUTH_SECRET must be set/],
    ["a short secret", { AUTH_SECRET: "short" }, /AUTH_SECRET must be set to at least 32/],
    ["no mail server", { SMTP_URL: undefined }, /SMTP_URL must point at your mail server/],
    ["demo data", { SEED_DEMO: "true" }, /SEED_DEMO must not be true/],
    ["the demo's sender", { MAIL_FROM: undefined }, /MAIL_FROM must be your own sender/],
  ])("refuses production with %s", (_what, change, message) => {
    const result = readEnv({ ...production, ...change });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.join("\n")).toMatch(message);
  });

  it("shows the demo organisation in the demo only: production never invents who runs it", () => {
    expect(readEnv({})).toMatchObject({ ok: true, env: { ORGANISATION_NAME: "Kohtaamo-demo ry", MAIL_FROM: "Kohtaamo <noreply@kohtaamo.local>" } });
    const env = readEnv(production);
    expect(env.ok && [env.env.ORGANISATION_NAME, env.env.ORGANISATION_CONTACT]).toEqual([undefined, undefined]);
    expect(env.ok && JSON.stringify(Object.values(env.env))).not.toMatch(/demo|kohtaamo\.local/i);
  });

  it("sends text messages through GatewayAPI only with a token, and over https in production", () => {
    expect(readEnv({})).toMatchObject({ ok: true, env: { SMS_PROVIDER: "none", SMS_DAILY_CAP: 5, SMS_SENDER: "Kohtaamo", SMS_API_URL: "https://gatewayapi.eu" } });
    const noToken = readEnv({ SMS_PROVIDER: "gatewayapi" });
    expect(!noToken.ok && noToken.problems.join("\n")).toMatch(/SMS_API_TOKEN must be set/);
    expect(readEnv({ SMS_PROVIDER: "gatewayapi", SMS_API_TOKEN: "t", SMS_API_URL: "http://127.0.0.1:2580" }).ok).toBe(true);
    const local = readEnv({ ...production, SMS_PROVIDER: "gatewayapi", SMS_API_TOKEN: "t", SMS_API_URL: "http://127.0.0.1:2580" });
    expect(!local.ok && local.problems.join("\n")).toMatch(/SMS_API_URL must be https/);
    expect(readEnv({ ...production, SMS_PROVIDER: "gatewayapi", SMS_API_TOKEN: "t" }).ok).toBe(true);
    expect(readEnv({ SMS_SENDER: "Kohtaamo ry:n palvelu" }).ok).toBe(false);
    expect(readEnv({ SMS_DAILY_CAP: "0" }).ok).toBe(false);
  });

  it("lists every problem at once, and refuses a malformed value anywhere", () => {
    const result = readEnv({ KOHTAAMO_ENV: "production", APP_URL: "http://kohtaamo.example.fi", SEED_DEMO: "true" });
    expect(!result.ok && result.problems).toHaveLength(5);
    expect(readEnv({ TRUSTED_PROXY_HOPS: "yes" }).ok).toBe(false);
    expect(readEnv({ ADMIN_EMAIL: "not an address" }).ok).toBe(false);
    expect(readEnv({ SEED_DEMO: "maybe" }).ok).toBe(false);
  });

  it("stops the server before it starts, saying what to fix", () => {
    const server = path.resolve(import.meta.dirname, "../scripts/server.mjs");
    const run = spawnSync(process.execPath, [server, "--port", "0"], {
      env: { PATH: process.env.PATH, KOHTAAMO_ENV: "production", APP_URL: "http://kohtaamo.example.fi" } as unknown as NodeJS.ProcessEnv,
      encoding: "utf8",
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("Kohtaamo will not start in production until these settings are fixed:");
    expect(run.stderr).toMatch(/APP_URL[\s\S]*AUTH_SECRET[\s\S]*SMTP_URL/);
  });
});
