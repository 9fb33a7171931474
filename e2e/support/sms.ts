import fs from "node:fs";
import path from "node:path";
import { expect } from "@playwright/test";
import { E2E } from "./env.cjs";

export type CaughtSms = { to: string; from: string; encoding: string; text: string };

function read(file: string): CaughtSms {
  const [head, ...body] = fs.readFileSync(path.join(E2E.smsDir, file), "utf8").split("\n\n");
  const field = (name: string) => head!.match(new RegExp(`^${name}: (.*)$`, "m"))?.[1] ?? "";
  return { to: field("To"), from: field("From"), encoding: field("Encoding"), text: body.join("\n\n").trim() };
}

/** Waits for the SMS catcher to hold a text to `to` (E.164) whose text matches, and reads it. */
export async function waitForSms(to: string, text: RegExp): Promise<CaughtSms> {
  let found: CaughtSms | undefined;
  const msisdn = to.replace(/^\+/, "");
  await expect
    .poll(
      () => {
        const files = fs.existsSync(E2E.smsDir) ? fs.readdirSync(E2E.smsDir).filter((f) => f.endsWith(`-${msisdn}.txt`)) : [];
        found = files.sort().reverse().map(read).find((m) => text.test(m.text));
        return Boolean(found);
      },
      { timeout: 15_000, message: `a text message to ${to} matching ${text}` },
    )
    .toBe(true);
  return found!;
}

export function smsTo(to: string): CaughtSms[] {
  const msisdn = to.replace(/^\+/, "");
  return fs.existsSync(E2E.smsDir) ? fs.readdirSync(E2E.smsDir).filter((f) => f.endsWith(`-${msisdn}.txt`)).map(read) : [];
}
