// Every environment variable Kohtaamo reads, validated in one place. Plain
// JavaScript, so the server script reads it before Next loads and the app
// reads the same rules through lib/config.ts.
import { z } from "zod";

const whole = (min, fallback) => z.coerce.number().int().min(min).default(fallback);
const flag = z.enum(["true", "false", "1", "0", "yes", "no"]).transform((v) => ["true", "1", "yes"].includes(v));

const schema = z.object({
  /** `demo` (the default: local mail catcher, demo data) or `production` (checked at start, see productionProblems). */
  KOHTAAMO_ENV: z.enum(["demo", "production"]).default("demo"),
  APP_URL: z.url().default("http://localhost:3000"),
  PORT: whole(1, 3000),
  HOST: z.string().min(1).default("localhost"),
  DATABASE_PATH: z.string().min(1).default("./data/kohtaamo.db"),
  AUTH_SECRET: z.string().optional(),
  SMTP_URL: z.string().optional(),
  /** The sender of every e-mail. The demo's is made up; production must name its own. */
  MAIL_FROM: z.string().trim().min(1).optional(),
  /** Loads the demo places, sessions and staff into an empty database. Default: on in demo, off in production. */
  SEED_DEMO: flag.optional(),
  ADMIN_EMAIL: z.email().optional(),
  EMAIL_RETENTION_DAYS: whole(1, 30),
  MANAGE_LINK_DAYS: whole(1, 30),
  FEEDBACK_LINK_DAYS: whole(1, 7),
  /** Days after a parent with a visitor code answered when they are not asked for feedback again (at the door, by e-mail). */
  FEEDBACK_QUIET_DAYS: whole(1, 28),
  BOOKING_RATE_LIMIT: whole(1, 10),
  BOOKING_RATE_WINDOW_SECONDS: whole(1, 600),
  /** Seats one client address may book for one session or group, so nobody can fill an info evening alone. */
  BOOKING_SEATS_PER_CLIENT: whole(1, 8),
  /** Reverse proxies of our own in front of the app; scripts/server.mjs takes the client's address that many hops from the right. */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  OUTBOX_INTERVAL_MS: whole(50, 5000),
  /** Days after a concern is resolved when its contact details are erased. */
  CONCERN_CONTACT_DAYS: whole(1, 90),
  /** Finnish working days for a first response to a concern, counted from the day it was received (lib/feedback/concern-clock.ts); the thanks page promises it to a parent who left a contact. */
  CONCERN_REPLY_WORKING_DAYS: whole(1, 2),
  /**
   * Who runs the service, as the privacy page and the concern's thanks page name them, until an admin saves
   * them on the first-run page. The demo falls back to DEMO_ORGANISATION; production never invents one.
   */
  ORGANISATION_NAME: z.string().trim().min(1).optional(),
  ORGANISATION_CONTACT: z.string().trim().min(1).optional(),
  /** Who hosts the server (e.g. "UpCloud Oy, Helsinki"), named on the privacy page among the processors. */
  HOSTING_PROVIDER: z.string().trim().min(1).optional(),
  /** The data protection officer's contact, named on the privacy page when one is appointed. */
  DPO_CONTACT: z.string().trim().min(1).optional(),
  /** The organisation's own words on its independence from the authorities; empty: the app's default text. */
  ORGANISATION_STATEMENT_FI: z.string().trim().optional(),
  ORGANISATION_STATEMENT_SV: z.string().trim().optional(),
  ORGANISATION_STATEMENT_EN: z.string().trim().optional(),
  /** Backups (lib/backup): where, how many daily and weekly copies are kept, the encryption key, and the app's own schedule (0: off). */
  BACKUP_DIR: z.string().min(1).default("./data/backups"),
  BACKUP_KEEP_DAILY: whole(0, 7),
  BACKUP_KEEP_WEEKLY: whole(0, 8),
  BACKUP_KEY: z.string().min(16, "BACKUP_KEY must be at least 16 characters long (e.g. openssl rand -base64 32).").optional(),
  BACKUP_INTERVAL_HOURS: whole(0, 0),
  /** The demo's local mail catcher, started by `npm start` when SMTP_URL is not set. */
  MAIL_CATCHER_PORT: whole(1, 2525),
  /** Set by `npm start` when it runs the catcher, whose old files retention then deletes. */
  MAIL_CATCHER_DIR: z.string().min(1).optional(),
  /**
   * Text messages (lib/sms): `gatewayapi`, or `none` (the default when the app runs without `npm start`):
   * no phone field on the booking form. `npm start` without it runs a local catcher that speaks GatewayAPI's API.
   */
  SMS_PROVIDER: z.enum(["gatewayapi", "none"]).default("none"),
  /** GatewayAPI's EU endpoint: the messages and their logs stay in the EU. */
  SMS_API_URL: z.url().default("https://gatewayapi.eu"),
  SMS_API_TOKEN: z.string().min(1).optional(),
  /** The sender name a phone shows: neutral on purpose, and at most 11 letters or digits (the network's limit). */
  SMS_SENDER: z.string().regex(/^[A-Za-z0-9]{1,11}$/, "SMS_SENDER must be 1 to 11 letters or digits, e.g. Kohtaamo.").default("Kohtaamo"),
  /** Text messages one number gets in a Helsinki day at most; the rest are dropped, so the service cannot be used to spam a number. */
  SMS_DAILY_CAP: whole(1, 5),
  /**
   * Confirmations and offers one e-mail address or phone number gets in a Helsinki day at most, whoever books
   * (lib/mail/outbox.ts): nobody can make the service mail or text a stranger without limit. Reminders are not counted.
   */
  MESSAGES_PER_RECIPIENT_DAY: whole(1, 5),
  /**
   * The countries whose mobile numbers may be given for text messages: comma-separated ISO codes, default FI
   * (Finland, which includes Åland, AX). A number elsewhere is refused on the form; e-mail works for any address.
   */
  SMS_COUNTRIES: z
    .string()
    .default("FI")
    .transform((v) => v.split(",").map((c) => c.trim().toUpperCase()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^[A-Z]{2}$/, "SMS_COUNTRIES must be two-letter country codes separated by commas, e.g. FI or FI,SE.")).min(1)),
  /** The demo's local SMS catcher, started by `npm start` when SMS_PROVIDER is not set. */
  SMS_CATCHER_PORT: whole(1, 2580),
  /** Set by `npm start` when it runs the SMS catcher, whose old files retention then deletes. */
  SMS_CATCHER_DIR: z.string().min(1).optional(),
});

/** @typedef {Omit<z.infer<typeof schema>, "MAIL_FROM"> & { SEED_DEMO: boolean, MAIL_FROM: string }} Env */

/** The demo's organisation: shown by a demo service only, never by a production one. */
export const DEMO_ORGANISATION = Object.freeze({ name: "Kohtaamo-demo ry", contact: "tietosuoja@kohtaamo.local, 040 000 0000" });

/**
 * What a production service must not start without. Each problem is one
 * sentence saying what to set.
 * @param {z.infer<typeof schema>} env
 */
export function productionProblems(env) {
  const problems = [];
  const url = new URL(env.APP_URL);
  if (url.protocol !== "https:" && url.hostname !== "localhost") {
    problems.push(`APP_URL must be the public https:// address (it is ${env.APP_URL}); every link the app sends is built from it.`);
  }
  if (!env.AUTH_SECRET || env.AUTH_SECRET.length < 32) {
    problems.push("AUTH_SECRET must be set to at least 32 random characters (for example: openssl rand -base64 32).");
  }
  if (!env.SMTP_URL) problems.push("SMTP_URL must point at your mail server; production has no local mail catcher.");
  if (!env.MAIL_FROM) problems.push('MAIL_FROM must be your own sender, e.g. "Kohtaamo <kohtaamo@example.fi>"; the demo\'s address does not exist.');
  if (env.SMS_PROVIDER !== "none" && new URL(env.SMS_API_URL).protocol !== "https:") {
    problems.push(`SMS_API_URL must be https:// in production (it is ${env.SMS_API_URL}); the local catcher is for the demo only.`);
  }
  if (env.SEED_DEMO === true) problems.push("SEED_DEMO must not be true: demo places, sessions and staff would be loaded into the service.");
  return problems;
}

/**
 * Reads and checks the environment. Returns every problem at once, so one
 * start tells the operator everything to fix.
 * @param {Record<string, string | undefined>} source
 * @returns {{ ok: true, env: Env } | { ok: false, problems: string[] }}
 */
export function readEnv(source) {
  // An empty variable is an unset one: `FOO=` in an env file must not become "".
  const given = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = schema.safeParse(given);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`) };
  }
  const env = parsed.data;
  const production = env.KOHTAAMO_ENV === "production";
  const problems = production ? productionProblems(env) : [];
  if (env.SMS_PROVIDER === "gatewayapi" && !env.SMS_API_TOKEN) {
    problems.push("SMS_API_TOKEN must be set when SMS_PROVIDER is gatewayapi (the API token from GatewayAPI's dashboard).");
  }
  if (problems.length) return { ok: false, problems };
  const demo = production ? {} : { MAIL_FROM: env.MAIL_FROM ?? "Kohtaamo <noreply@kohtaamo.local>", ORGANISATION_NAME: env.ORGANISATION_NAME ?? DEMO_ORGANISATION.name, ORGANISATION_CONTACT: env.ORGANISATION_CONTACT ?? DEMO_ORGANISATION.contact };
  return { ok: true, env: /** @type {Env} */ ({ ...env, ...demo, SEED_DEMO: env.SEED_DEMO ?? !production }) };
}

/**
 * The environment, or an exit with the list of problems. For the scripts that start the server.
 * @param {Record<string, string | undefined>} source
 */
export function envOrExit(source) {
  const result = readEnv(source);
  if (result.ok) return result.env;
  const kind = source.KOHTAAMO_ENV === "production" ? "in production " : "";
  console.error(`Kohtaamo will not start ${kind}until these settings are fixed:\n${result.problems.map((p) => `  - ${p}`).join("\n")}`);
  process.exit(1);
}
