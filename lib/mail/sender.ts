import "server-only";
import { and, asc, eq, isNull, lte } from "drizzle-orm";
import nodemailer, { type Transporter } from "nodemailer";
import type { DB } from "@/db/client";
import { outbox, type OutboxKind } from "@/db/schema";
import { bookingCalendar } from "@/lib/booking/calendar";
import { bookingDetails } from "@/lib/booking/reads";
import { config } from "@/lib/config";
import { unseal } from "@/lib/secret";
import { BODY_SEAL } from "./outbox";
import { renderBookingMail } from "./templates";

export type MailTransport = Pick<Transporter, "sendMail">;

export function smtpTransport(url: string): MailTransport {
  // Pooled: a burst of bookings reuses a few open connections instead of one handshake per message.
  const pooled = new URL(url);
  pooled.searchParams.set("pool", "true");
  return nodemailer.createTransport(pooled.toString());
}

const BATCH = 20;

/** Waits 30 s after the first failure, doubling up to an hour, and keeps trying. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

type Outcome = { sent: number; failed: number; dropped: number };

type Composed = { recipient: string; subject: string; text: string; calendar: string | null };

// The kinds that come with a calendar file. It holds no secret, so it is made at sending, not in the booking's transaction.
const WITH_CALENDAR = new Set<OutboxKind>(["booking_confirmed", "booking_promoted"]);

/**
 * The message as it goes out, or null when it should be dropped (the booking
 * was cancelled, the address erased). A message carrying a link was rendered
 * when queued; the others are rendered now from the booking as it is now, so
 * a moved meeting is told at its new time.
 */
function compose(db: DB, row: typeof outbox.$inferSelect): Composed | null {
  const prerendered = row.subject !== null && row.textBody !== null;
  const booking = row.bookingId !== null && (!prerendered || WITH_CALENDAR.has(row.kind)) ? bookingDetails(db, row.bookingId) : null;
  const calendar = booking && WITH_CALENDAR.has(row.kind) ? bookingCalendar(booking) : null;
  if (prerendered) {
    // Sealed with another secret (AUTH_SECRET changed): the link in it could not be trusted anyway.
    const text = unseal(BODY_SEAL, row.textBody!);
    return row.recipient && text !== null ? { recipient: row.recipient, subject: row.subject!, text, calendar } : null;
  }

  if (!booking?.email || row.kind === "staff_sign_in" || row.kind === "staff_invite" || row.kind === "feedback_invite") return null;
  // A reminder or a promotion is for a confirmed seat; news of a change is for anyone still booked.
  const wanted = row.kind === "session_cancelled" || row.kind === "session_moved" ? booking.status !== "cancelled" : booking.status === "confirmed";
  if (!wanted) return null;
  const { subject, text } = renderBookingMail(row.kind, booking, { retentionDays: config().EMAIL_RETENTION_DAYS });
  return { recipient: booking.email, subject, text, calendar };
}

/**
 * Sends what is due. Each row is marked sent only after the SMTP server took
 * it; a failure leaves it queued with a later retry time.
 */
export async function deliverDueMail(db: DB, transport: MailTransport, now = new Date()): Promise<Outcome> {
  const outcome: Outcome = { sent: 0, failed: 0, dropped: 0 };
  const due = db
    .select()
    .from(outbox)
    .where(and(isNull(outbox.sentAt), isNull(outbox.droppedAt), lte(outbox.nextAttemptAt, now)))
    .orderBy(asc(outbox.nextAttemptAt))
    .limit(BATCH)
    .all();

  for (const row of due) {
    const mail = compose(db, row);
    if (!mail) {
      db.update(outbox).set({ droppedAt: now }).where(eq(outbox.id, row.id)).run();
      outcome.dropped++;
      continue;
    }
    try {
      await transport.sendMail({
        from: config().MAIL_FROM,
        to: mail.recipient,
        subject: mail.subject,
        text: mail.text,
        icalEvent: mail.calendar ? { filename: "kohtaamo.ics", method: "PUBLISH", content: mail.calendar } : undefined,
      });
      // The body may hold a manage link: once delivered it is not kept.
      db.update(outbox)
        .set({ sentAt: new Date(), attempts: row.attempts + 1, textBody: null, lastError: null })
        .where(eq(outbox.id, row.id))
        .run();
      outcome.sent++;
    } catch (error) {
      const attempts = row.attempts + 1;
      db.update(outbox)
        .set({
          attempts,
          nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)),
          lastError: String(error instanceof Error ? error.message : error).slice(0, 500),
        })
        .where(eq(outbox.id, row.id))
        .run();
      outcome.failed++;
    }
  }
  return outcome;
}
