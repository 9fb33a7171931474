import fs from "node:fs";
import type { AddressInfo, Server } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CATCHER_TOKEN, startSmsCatcher } from "@/scripts/sms-catcher.mjs";
import { gatewayApi, msisdn, smsEncoding, smsProviderFrom } from "./provider";

// The real client against the local catcher, which answers as GatewayAPI does.
let catcher: Server;
let url: string;
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "kohtaamo-sms-"));
  catcher = await startSmsCatcher({ port: 0, dir, token: CATCHER_TOKEN });
  url = `http://127.0.0.1:${(catcher.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => catcher.close(() => resolve())));

const caught = () => fs.readdirSync(dir).map((f) => ({ name: f, text: fs.readFileSync(path.join(dir, f), "utf8") }));

describe("the GatewayAPI client", () => {
  it("sends a text the catcher takes, answered with an id, and the file holds the number, sender and text", async () => {
    const provider = gatewayApi({ url, token: CATCHER_TOKEN, sender: "Kohtaamo" });
    const { id } = await provider.send({ to: "+358401234567", text: "Kohtaamo: varauksesi on vahvistettu. Äö å." });
    expect(id).toMatch(/^\d+$/);
    const [file] = caught().filter((f) => f.name.endsWith("-358401234567.txt"));
    expect(file!.text).toContain("To: +358401234567");
    expect(file!.text).toContain("From: Kohtaamo");
    expect(file!.text).toContain("Encoding: UTF8"); // GSM-7: å, ä and ö are in it
    expect(file!.text).toContain(`Id: ${id}`);
    expect(file!.text).toContain("Kohtaamo: varauksesi on vahvistettu. Äö å.");
  });

  it("asks for UCS-2 only for a text GSM-7 cannot carry", async () => {
    const provider = gatewayApi({ url, token: CATCHER_TOKEN, sender: "Kohtaamo" });
    await provider.send({ to: "+46701234567", text: "Välkommen – 18:00" });
    const [file] = caught().filter((f) => f.name.endsWith("-46701234567.txt"));
    expect(file!.text).toContain("Encoding: UCS2");
    expect(smsEncoding("Tervetuloa klo 18.00")).toBe("GSM-7");
  });

  it("fails on a wrong token, so the outbox retries later", async () => {
    const before = caught().length;
    const provider = gatewayApi({ url, token: "wrong", sender: "Kohtaamo" });
    await expect(provider.send({ to: "+358401234567", text: "x" })).rejects.toThrow("SMS provider answered 401: unauthorized");
    expect(caught()).toHaveLength(before);
  });

  it("fails when the provider cannot be reached at all", async () => {
    const provider = gatewayApi({ url: "http://127.0.0.1:9", token: CATCHER_TOKEN, sender: "Kohtaamo", timeoutMs: 2000 });
    await expect(provider.send({ to: "+358401234567", text: "x" })).rejects.toThrow();
  });

  it("gives GatewayAPI the number as digits with the country code", () => {
    expect(msisdn("+358401234567")).toBe(358401234567);
    expect(() => msisdn("0401234567")).toThrow();
  });

  it("is off without a provider or a token", () => {
    expect(smsProviderFrom({ SMS_PROVIDER: "none", SMS_API_URL: url, SMS_SENDER: "Kohtaamo" })).toBeNull();
    expect(smsProviderFrom({ SMS_PROVIDER: "gatewayapi", SMS_API_URL: url, SMS_SENDER: "Kohtaamo" })).toBeNull();
    expect(smsProviderFrom({ SMS_PROVIDER: "gatewayapi", SMS_API_URL: url, SMS_API_TOKEN: "t", SMS_SENDER: "Kohtaamo" })).not.toBeNull();
  });
});
