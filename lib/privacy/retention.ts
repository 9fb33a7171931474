import "server-only";
import fs from "node:fs";
import path from "node:path";
import { and, eq, inArray, isNotNull, isNull, lt, lte, ne, or, sql } from "drizzle-orm";
import type { DB, Tx } from "@/db/client";
import { authSessions, bookings, concernHandovers, concerns, developmentClients, feedbackQuiet, outbox, sessions, verificationTokens } from "@/db/schema";
import { forgetPastDays } from "@/lib/mail/daily-share";
import { audit } from "./audit";

/*
 * Deletes personal data when its period has passed. What is personal, why it
 * is held, on what legal basis and for how long is the register in
 * ./register.ts (the privacy page is made from it, and its test makes every
 * column of the schema be classified); the periods this job runs with are
 * its retentionPeriods(). Besides the database, the demo's mail and SMS
 * catchers keep files (data/mail/*.eml, data/sms/*.txt): deleted retentionDays
 * after they were written. Rate-limit counters live in memory only.
 * A parent's own cancellation erases the booking's details at once
 * (cancelBooking), and the outbox forgets the recipient of that notice and of
 * a lost-link message as soon as it is sent (FORGET_RECIPIENT_ONCE_SENT in
 * lib/mail/outbox.ts).
 */

const DAY = 86_400_000;

export type RetentionPeriods = { retentionDays: number; concernContactDays: number };
export type RetentionCounts = {
  bookings: number;
  outbox: number;
  signInMail: number;
  concernContacts: number;
  handoverLinks: number;
  authSessions: number;
  verificationTokens: number;
  feedbackQuiet: number;
  dailyShares: number;
  developmentClients: number;
  mailFiles: number;
  smsFiles: number;
};

/** The end of a booking's last meeting (a group's booking lasts until its last meeting). */
const lastEnd = sql<number>`(
  SELECT max(${sessions.endsAt}) FROM ${sessions}
  WHERE ${sessions.id} = ${bookings.sessionId} OR ${sessions.groupId} = ${bookings.groupId}
)`;

const hasDetails = or(
  isNotNull(bookings.email),
  isNotNull(bookings.phone),
  isNotNull(bookings.nickname),
  isNotNull(bookings.interpreterLanguage),
  isNotNull(bookings.accessibilityNeeds),
  eq(bookings.childcare, true),
);

/** Erases what identifies the parent of these bookings, and every copy of it in the outbox, in the caller's transaction. The seats stay. */
export function eraseDetails(tx: Tx, ids: number[], now: Date): void {
  if (ids.length === 0) return;
  tx.update(bookings)
    .set({ email: null, phone: null, nickname: null, interpreterLanguage: null, accessibilityNeeds: null, childcare: false, detailsErasedAt: now })
    .where(inArray(bookings.id, ids))
    .run();
  tx.update(bookings)
    .set({ emailErasedAt: now })
    .where(and(inArray(bookings.id, ids), isNull(bookings.emailErasedAt)))
    .run();
  tx.update(outbox)
    .set({ droppedAt: now })
    .where(and(inArray(outbox.bookingId, ids), isNull(outbox.sentAt), isNull(outbox.droppedAt)))
    .run();
  tx.update(outbox).set({ recipient: null, subject: null, textBody: null, lastError: null }).where(inArray(outbox.bookingId, ids)).run();
}

/** The parent's own "Delete my details now": the booking keeps its seat, anonymously. */
export function eraseBookingDetails(db: DB, bookingId: number, now = new Date()): void {
  db.transaction((tx) => eraseDetails(tx, [bookingId], now), { behavior: "immediate" });
}

/** Everything personal whose period has passed, in one transaction, and an audit row saying how much. */
export function runRetention(db: DB, now: Date, periods: RetentionPeriods, mailDir?: string, smsDir?: string): RetentionCounts {
  const cutoff = now.getTime() - periods.retentionDays * DAY;
  const counts = db.transaction(
    (tx) => {
      const expired = tx
        .select({ id: bookings.id })
        .from(bookings)
        .where(and(hasDetails, sql`${lastEnd} < ${cutoff}`))
        .all()
        .map((b) => b.id);
      eraseDetails(tx, expired, now);

      // Mail without a booking (feedback invites keep theirs, sign-in mail has none) and what was left of sent mail.
      const old = or(lt(outbox.sentAt, new Date(cutoff)), lt(outbox.droppedAt, new Date(cutoff)));
      const mail = tx
        .update(outbox)
        .set({ recipient: null, subject: null, textBody: null, lastError: null })
        .where(and(old, or(isNotNull(outbox.recipient), isNotNull(outbox.textBody), isNotNull(outbox.lastError), isNotNull(outbox.subject))))
        .run().changes;
      // A sign-in link works for an hour: its row has nothing left to do after a day.
      const signInMail = tx
        .delete(outbox)
        .where(and(eq(outbox.kind, "staff_sign_in"), lt(outbox.createdAt, new Date(now.getTime() - DAY))))
        .run().changes;

      const concernCutoff = new Date(now.getTime() - periods.concernContactDays * DAY);
      const concernContacts = tx
        .update(concerns)
        .set({ contact: null, contactErasedAt: now })
        .where(
          and(
            isNotNull(concerns.contact),
            or(
              and(eq(concerns.status, "resolved"), lt(concerns.resolvedAt, concernCutoff)),
              // A concern nobody works on keeps no contact for ever: the same period after its last action.
              and(ne(concerns.status, "resolved"), lt(sql`coalesce(${concerns.updatedAt}, ${concerns.createdAt})`, concernCutoff.getTime())),
            ),
          ),
        )
        .run().changes;

      // An expired hand-over link opens nothing: its hash goes, the record that the concern was handed over stays.
      const handoverLinks = tx
        .update(concernHandovers)
        .set({ tokenHash: null })
        .where(and(isNotNull(concernHandovers.tokenHash), lte(concernHandovers.expiresAt, now)))
        .run().changes;

      const sessionsGone = tx.delete(authSessions).where(lt(authSessions.expires, now)).run().changes;
      const tokensGone = tx.delete(verificationTokens).where(lt(verificationTokens.expires, now)).run().changes;
      const quietGone = tx.delete(feedbackQuiet).where(lte(feedbackQuiet.until, now)).run().changes;
      const capsGone = forgetPastDays(tx, now);
      // Panel invitations go with them (ON DELETE CASCADE).
      const developmentGone = tx.delete(developmentClients).where(lte(developmentClients.deleteAfter, now)).run().changes;
      return {
        bookings: expired.length,
        outbox: mail,
        signInMail,
        concernContacts,
        handoverLinks,
        authSessions: sessionsGone,
        verificationTokens: tokensGone,
        feedbackQuiet: quietGone,
        dailyShares: capsGone,
        developmentClients: developmentGone,
        mailFiles: 0,
        smsFiles: 0,
      };
    },
    { behavior: "immediate" },
  );
  if (mailDir) counts.mailFiles = purgeMailFiles(mailDir, cutoff);
  if (smsDir) counts.smsFiles = purgeMailFiles(smsDir, cutoff, ".txt");
  // Runs every hour: only a run that erased something is worth a row, or the log fills with noise.
  if (Object.values(counts).some((n) => n > 0)) audit(db, null, "retention.run", "retention", now.toISOString().slice(0, 10), counts);
  return counts;
}

/** The demo's mail and SMS catchers keep each message as a file: those older than the period go. */
export function purgeMailFiles(dir: string, cutoff: number, extension = ".eml"): number {
  let removed = 0;
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return 0;
  }
  for (const name of names) {
    if (!name.endsWith(extension)) continue;
    const file = path.join(dir, name);
    try {
      if (fs.statSync(file).mtimeMs < cutoff) {
        fs.unlinkSync(file);
        removed++;
      }
    } catch {
      // Gone already, or not ours to remove: the next run tries again.
    }
  }
  return removed;
}
