import fs from "node:fs";
import path from "node:path";
import { expect } from "@playwright/test";
import { simpleParser, type ParsedMail } from "mailparser";
import { E2E } from "./env.cjs";

/** Waits for the mail catcher to hold a message to `to` whose subject matches (caught after `since`), and parses it. */
export async function waitForMail(to: string, subject: RegExp | string, since = 0): Promise<ParsedMail> {
  let found: ParsedMail | undefined;
  // The catcher names its files with the address made safe (scripts/mail-catcher.mjs): "vantaa-kerava" becomes "vantaa_kerava".
  const file = fileSafe(to);
  await expect
    .poll(
      async () => {
        // Newest first; the catcher names files by the time it caught them.
        const files = fs.readdirSync(E2E.mailDir).filter((f) => f.includes(file) && Number(f.split("-")[0]) >= since);
        for (const f of files.sort().reverse()) {
          const mail = await simpleParser(fs.readFileSync(path.join(E2E.mailDir, f)));
          if (typeof subject === "string" ? mail.subject === subject : subject.test(mail.subject ?? "")) {
            found = mail;
            return true;
          }
        }
        return false;
      },
      { timeout: 15_000, message: `an e-mail to ${to} with subject ${subject}` },
    )
    .toBe(true);
  return found!;
}

export function mailsTo(to: string): string[] {
  return fs.readdirSync(E2E.mailDir).filter((f) => f.includes(fileSafe(to)));
}

const fileSafe = (address: string) => address.replace(/[^a-z0-9@.]/gi, "_");
