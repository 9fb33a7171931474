// @ts-check
// Encrypted backups: AES-256-GCM, streamed so a large database never sits in memory, with a key
// derived by scrypt from BACKUP_KEY and a fresh salt per file. The layout is
//   magic (8) | salt (16) | iv (12) | ciphertext | tag (16)
// and the header is authenticated too, so any changed byte anywhere fails the decryption.
import crypto from "node:crypto";
import fs from "node:fs";
import { pipeline } from "node:stream/promises";

const MAGIC = Buffer.from("KOHBAK01");
const SALT = 16;
const IV = 12;
const TAG = 16;
const HEADER = MAGIC.length + SALT + IV;
// scrypt's cost: about 64 MiB and a fraction of a second, once per backup.
const SCRYPT = { N: 2 ** 16, r: 8, p: 1, maxmem: 128 * 1024 * 1024 };

/**
 * Asynchronous on purpose: the running app takes scheduled backups, and a synchronous scrypt
 * would stop it answering requests for a fraction of a second.
 * @param {string} secret @param {Buffer} salt @returns {Promise<Buffer>}
 */
function deriveKey(secret, salt) {
  return new Promise((resolve, reject) => crypto.scrypt(secret, salt, 32, SCRYPT, (error, key) => (error ? reject(error) : resolve(key))));
}

/** True when the file starts with our header (whatever its name). @param {string} file */
export function isEncrypted(file) {
  const fd = fs.openSync(file, "r");
  try {
    const head = Buffer.alloc(MAGIC.length);
    const read = fs.readSync(fd, head, 0, head.length, 0);
    return read === MAGIC.length && head.equals(MAGIC);
  } finally {
    fs.closeSync(fd);
  }
}

/** @param {string} source @param {string} target @param {string} secret */
export async function encryptFile(source, target, secret) {
  const salt = crypto.randomBytes(SALT);
  const iv = crypto.randomBytes(IV);
  const header = Buffer.concat([MAGIC, salt, iv]);
  const cipher = crypto.createCipheriv("aes-256-gcm", await deriveKey(secret, salt), iv);
  cipher.setAAD(header);
  fs.writeFileSync(target, header, { flag: "wx", mode: 0o600 });
  await pipeline(fs.createReadStream(source), cipher, fs.createWriteStream(target, { flags: "a" }));
  fs.appendFileSync(target, cipher.getAuthTag());
  const fd = fs.openSync(target, "r+");
  fs.fsyncSync(fd);
  fs.closeSync(fd);
}

/**
 * Decrypts into `target`; throws when the key is wrong or any byte was changed (the plain
 * bytes written before the tag is checked are then worthless: the caller removes `target`).
 * @param {string} source @param {string} target @param {string} secret
 */
export async function decryptFile(source, target, secret) {
  const size = fs.statSync(source).size;
  if (size < HEADER + TAG) throw new Error("too short to be an encrypted backup");
  const fd = fs.openSync(source, "r");
  const header = Buffer.alloc(HEADER);
  const tag = Buffer.alloc(TAG);
  try {
    fs.readSync(fd, header, 0, HEADER, 0);
    fs.readSync(fd, tag, 0, TAG, size - TAG);
  } finally {
    fs.closeSync(fd);
  }
  if (!header.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error("not an encrypted Kohtaamo backup");
  const salt = header.subarray(MAGIC.length, MAGIC.length + SALT);
  const iv = header.subarray(MAGIC.length + SALT);
  const decipher = crypto.createDecipheriv("aes-256-gcm", await deriveKey(secret, salt), iv);
  decipher.setAAD(header);
  decipher.setAuthTag(tag);
  const body = size - TAG - HEADER;
  const input = body > 0 ? fs.createReadStream(source, { start: HEADER, end: HEADER + body - 1 }) : [];
  await pipeline(input, decipher, fs.createWriteStream(target, { mode: 0o600 }));
}
