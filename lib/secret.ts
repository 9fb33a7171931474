import "server-only";
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { config } from "@/lib/config";

let secret: string | undefined;

/**
 * AUTH_SECRET when set; otherwise one made once and kept beside the database,
 * so `npm start` on a fresh machine signs staff in without any setup. Read
 * once per process: Auth.js asks for it on every request.
 */
export function authSecret(): string {
  secret ??= readOrMakeSecret();
  return secret;
}

function readOrMakeSecret(): string {
  const { AUTH_SECRET, DATABASE_PATH } = config();
  if (AUTH_SECRET) return AUTH_SECRET;
  const file = path.join(path.dirname(path.resolve(/*turbopackIgnore: true*/ DATABASE_PATH)), "auth-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    const made = randomBytes(32).toString("base64url");
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, made, { mode: 0o600, flag: "wx" });
    return made;
  }
}

const keys = new Map<string, Buffer>();

/** A key for one purpose, derived from the server secret, so no two uses share a key. */
export function derivedKey(purpose: string): Buffer {
  let key = keys.get(purpose);
  if (!key) keys.set(purpose, (key = Buffer.from(hkdfSync("sha256", authSecret(), "kohtaamo", purpose, 32))));
  return key;
}

/**
 * A marker of a value that only this server can make or test: an HMAC under
 * the purpose's own derived key. For keeping "the same phone", "the same
 * code" or "the same number" without keeping the thing itself.
 */
export function keyedMarker(purpose: string, value: string): string {
  return createHmac("sha256", derivedKey(purpose)).update(value).digest("base64url");
}

const SEALED = "sealed:v1:";

/**
 * Encrypts a text for keeping in the database (AES-256-GCM): a copy of the
 * file or a backup alone does not give away what it holds.
 */
export function seal(purpose: string, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", derivedKey(purpose), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return SEALED + [iv, cipher.getAuthTag(), body].map((b) => b.toString("base64url")).join(".");
}

/** The text `seal` kept, or null when it was sealed with another secret or altered. Unsealed text passes through. */
export function unseal(purpose: string, stored: string): string | null {
  if (!stored.startsWith(SEALED)) return stored;
  const [iv, tag, body] = stored.slice(SEALED.length).split(".").map((part) => Buffer.from(part, "base64url"));
  if (!iv || !tag || !body) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", derivedKey(purpose), iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
