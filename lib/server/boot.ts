import "server-only";
import path from "node:path";
import { getDb, migrateDatabase, setDatabaseFile } from "@/db/client";
import { ensureAdmin, seedDemo, seedDemoStaff } from "@/db/seed";
import { seedHistory } from "@/db/seed-history";
import { config } from "@/lib/config";
import { backupBeforeMigrating, backupDue, latestBackup, takeBackup } from "@/lib/backup/backup.mjs";
import { log } from "@/lib/log.mjs";
import { composeMail } from "@/lib/booking/mail";
import { composeSms } from "@/lib/booking/sms";
import { smsProviderFrom } from "@/lib/sms/provider";
import { smtpTransport } from "@/lib/mail/sender";
import { retentionPeriods } from "@/lib/privacy/register";
import { runRetention } from "@/lib/privacy/retention";
import { concernSettings, renotifyOverdueConcerns } from "@/lib/feedback/concern-clock";
import { migrationsDir } from "./health";
import { startDelivery, startLane } from "./lanes";

const shutdownHook = globalThis as unknown as { __kohtaamoShutdown?: () => Promise<void> };

/**
 * Runs once when the server starts: apply migrations, load the demo into an
 * empty database, then keep sending queued mail and text messages (each in its own lane) and
 * erasing personal data whose period has passed. Registers the shutdown the server script
 * calls: finish the rounds in flight, then close the database.
 */
export async function boot(): Promise<void> {
  const cfg = config();
  const backups = {
    dbPath: path.resolve(/*turbopackIgnore: true*/ cfg.DATABASE_PATH),
    dir: path.resolve(/*turbopackIgnore: true*/ cfg.BACKUP_DIR),
    key: cfg.BACKUP_KEY ?? null,
    keepDaily: cfg.BACKUP_KEEP_DAILY,
    keepWeekly: cfg.BACKUP_KEEP_WEEKLY,
  };
  // An upgrade with new migrations copies the database first, so a failed migration can be undone.
  const before = await backupBeforeMigrating({ ...backups, migrationsDir: migrationsDir() });
  if (before) log.info({ event: "backup.before_migrating", file: path.basename(before.file), pending: before.pending }, "backup taken before migrating");
  setDatabaseFile(cfg.DATABASE_PATH);
  const db = getDb();
  migrateDatabase(db);
  if (cfg.SEED_DEMO) {
    if (seedDemo(db)) log.info({ event: "boot.demo_loaded" }, "demo data loaded");
    if (seedDemoStaff(db)) log.info({ event: "boot.demo_staff" }, "demo staff added: sign in as planner or facilitator at kohtaamo.local");
    if (seedHistory(db)) log.info({ event: "boot.demo_history" }, "demo history loaded for the reach dashboard");
  }
  ensureAdmin(db, cfg.ADMIN_EMAIL);

  if (!cfg.SMTP_URL) log.warn({ event: "boot.no_smtp" }, "SMTP_URL is not set: e-mails stay queued in the outbox until it is");
  const transport = cfg.SMTP_URL ? smtpTransport(cfg.SMTP_URL) : null;
  // Off (SMS_PROVIDER=none): the booking form offers no phone field, so nothing is queued for it.
  const sms = smsProviderFrom(cfg);
  // Separate lanes: a hanging SMS provider must not hold up a sign-in link, nor a slow backup either.
  const lanes = startDelivery(db, {
    transport,
    composeMail,
    sms,
    composeSms,
    smsDailyCap: cfg.SMS_DAILY_CAP,
    smsCountries: cfg.SMS_COUNTRIES,
    intervalMs: cfg.OUTBOX_INTERVAL_MS,
  });
  let lastRetention = 0;
  let lastConcernLook = 0;
  let nextBackupLook = 0;
  const housekeeping = async () => {
    // Overdue concerns are told again once a Helsinki working day (the day is kept on each concern).
    if (Date.now() - lastConcernLook > 60_000) {
      const renotified = renotifyOverdueConcerns(db, concernSettings());
      if (renotified) log.info({ event: "concern.renotified", concerns: renotified }, "overdue concerns notified again");
      lastConcernLook = Date.now();
    }
    if (Date.now() - lastRetention > 3_600_000) {
      // MAIL_CATCHER_DIR is set by `npm start` when it runs the demo's mail catcher.
      // The same periods the privacy page states (lib/privacy/register.ts).
      runRetention(db, new Date(), retentionPeriods(cfg), cfg.MAIL_CATCHER_DIR, cfg.SMS_CATCHER_DIR);
      lastRetention = Date.now();
    }
    // Looked at every ten minutes (so a failed backup is tried again then, not an interval later).
    if (cfg.BACKUP_INTERVAL_HOURS > 0 && Date.now() >= nextBackupLook) {
      nextBackupLook = Date.now() + 10 * 60_000;
      if (backupDue(latestBackup(backups.dir)?.at ?? null, cfg.BACKUP_INTERVAL_HOURS)) {
        const taken = await takeBackup(backups);
        log.info({ event: "backup.taken", file: path.basename(taken.file), bytes: taken.bytes, pruned: taken.pruned.length }, "backup taken");
      }
    }
  };
  lanes.push(startLane("housekeeping", cfg.OUTBOX_INTERVAL_MS, housekeeping));

  shutdownHook.__kohtaamoShutdown = async () => {
    await Promise.all(lanes.map((lane) => lane.stop()));
    db.$client.close();
    log.info({ event: "boot.closed" }, "outbox stopped and database closed");
  };
}
