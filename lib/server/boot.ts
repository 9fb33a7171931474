import "server-only";
import { getDb, migrateDatabase } from "@/db/client";
import { ensureAdmin, seedDemo, seedDemoStaff } from "@/db/seed";
import { seedHistory } from "@/db/seed-history";
import { config } from "@/lib/config";
import { deliverDueMail, smtpTransport } from "@/lib/mail/sender";
import { runRetention } from "@/lib/privacy/retention";

/**
 * Runs once when the server starts: apply migrations, load the demo into an
 * empty database, then keep sending queued mail and erasing personal data whose period has passed.
 */
export function boot(): void {
  const cfg = config();
  const db = getDb();
  migrateDatabase(db);
  if (process.env.SEED_DEMO !== "false") {
    if (seedDemo(db)) console.log("[kohtaamo] demo data loaded");
    if (seedDemoStaff(db)) console.log("[kohtaamo] demo staff added: sign in as planner@kohtaamo.local or facilitator@kohtaamo.local");
    if (seedHistory(db)) console.log("[kohtaamo] demo history loaded: past drop-ins and an info evening for the reach dashboard");
  }
  ensureAdmin(db, process.env.ADMIN_EMAIL);

  if (!cfg.SMTP_URL) console.warn("[kohtaamo] SMTP_URL is not set: e-mails stay queued in the outbox until it is.");
  const transport = cfg.SMTP_URL ? smtpTransport(cfg.SMTP_URL) : null;
  let busy = false;
  let lastRetention = 0;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      if (transport) await deliverDueMail(db, transport);
      if (Date.now() - lastRetention > 3_600_000) {
        // MAIL_CATCHER_DIR is set by `npm start` when it runs the demo's mail catcher.
        const periods = { retentionDays: cfg.EMAIL_RETENTION_DAYS, concernContactDays: cfg.CONCERN_CONTACT_DAYS };
        runRetention(db, new Date(), periods, process.env.MAIL_CATCHER_DIR);
        lastRetention = Date.now();
      }
    } catch (error) {
      console.error("[kohtaamo] background work failed, will retry", error);
    } finally {
      busy = false;
    }
  };
  setInterval(tick, cfg.OUTBOX_INTERVAL_MS).unref();
  void tick();
}
