import "server-only";
import { and, asc, eq, isNull, lte } from "drizzle-orm";
import nodemailer, { type Transporter } from "nodemailer";
import type { DB, Writer } from "@/db/client";
import { outbox, type OutboxChannel } from "@/db/schema";
import { config } from "@/lib/config";
import { FORGET_RECIPIENT_ONCE_SENT } from "./outbox";

export type MailTransport = Pick<Transporter, "sendMail">;

export function smtpTransport(url: string): MailTransport {
  // Pooled: a burst of bookings reuses a few open connections instead of one handshake per message.
  const pooled = new URL(url);
  pooled.searchParams.set("pool", "true");
  // Short waits (nodemailer's own are minutes): a server that does not answer costs seconds, and the message is tried again later.
  for (const [name, ms] of Object.entries(SMTP_TIMEOUTS_MS)) if (!pooled.searchParams.has(name)) pooled.searchParams.set(name, String(ms));
  return nodemailer.createTransport(pooled.toString());
}

const SMTP_TIMEOUTS_MS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 };

/** Failures in a row after which a batch stops: the server or provider is down, and the lane waits before trying again. */
export const FAILURES_BEFORE_PAUSE = 2;

const BATCH = 20;

/** Waits 30 s after the first failure, doubling up to an hour, and keeps trying. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

export type Outcome = { sent: number; failed: number; dropped: number };

/** A message as it goes out; the calendar file, when there is one, goes as an attachment. */
export type ComposedMail = {
  recipient: string;
  subject: string;
  text: string;
  calendar: string | null;
  /** The calendar's iTIP method: PUBLISH adds the events, CANCEL takes them out of the calendar that has them. */
  calendarMethod?: "PUBLISH" | "CANCEL";
};

/**
 * What a queued row says now, or null when it should be dropped. The code
 * that queues a kind of message knows who still wants it: the boot code hands
 * its composer to the sending loop, so the outbox knows no domain.
 */
export type Composer = (db: DB, row: typeof outbox.$inferSelect) => ComposedMail | null;

type Row = typeof outbox.$inferSelect;

/** What is due on one channel, oldest first, a batch at a time. */
export function dueMessages(db: DB, channel: OutboxChannel, now: Date): Row[] {
  return db
    .select()
    .from(outbox)
    .where(and(eq(outbox.channel, channel), isNull(outbox.sentAt), isNull(outbox.droppedAt), lte(outbox.nextAttemptAt, now)))
    .orderBy(asc(outbox.nextAttemptAt))
    .limit(BATCH)
    .all();
}

/** Never to be sent; a body that may hold a link goes with it. */
export function markDropped(db: DB, row: Row, now: Date, reason?: string): void {
  db.update(outbox)
    .set({ droppedAt: now, textBody: null, ...(reason ? { lastError: reason } : {}) })
    .where(eq(outbox.id, row.id))
    .run();
}

/** Taken by the server or provider. The body may hold a manage link: once delivered it is not kept. */
export function markSent(db: Writer, row: Row, at: Date): void {
  const forget = FORGET_RECIPIENT_ONCE_SENT.has(row.kind) ? { recipient: null } : {};
  db.update(outbox)
    .set({ sentAt: at, attempts: row.attempts + 1, textBody: null, lastError: null, ...forget })
    .where(eq(outbox.id, row.id))
    .run();
}

/** Not taken: queued again after the back-off, with the reason (never an address or a number: callers pass the server's words). */
export function markFailed(db: DB, row: Row, now: Date, error: unknown): void {
  const attempts = row.attempts + 1;
  db.update(outbox)
    .set({
      attempts,
      nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)),
      lastError: String(error instanceof Error ? error.message : error).slice(0, 500),
    })
    .where(eq(outbox.id, row.id))
    .run();
}

/**
 * Sends the e-mail that is due. Each row is marked sent only after the SMTP
 * server took it; a failure leaves it queued with a later retry time, and
 * failures in a row end the batch (the rest wait, untouched, for the next).
 */
export async function deliverDueMail(db: DB, transport: MailTransport, compose: Composer, now = new Date()): Promise<Outcome> {
  const outcome: Outcome = { sent: 0, failed: 0, dropped: 0 };
  let failuresInRow = 0;
  for (const row of dueMessages(db, "email", now)) {
    const mail = compose(db, row);
    if (!mail) {
      markDropped(db, row, now);
      outcome.dropped++;
      continue;
    }
    if (failuresInRow >= FAILURES_BEFORE_PAUSE) break;
    try {
      await transport.sendMail({
        from: config().MAIL_FROM,
        to: mail.recipient,
        subject: mail.subject,
        text: mail.text,
        icalEvent: mail.calendar ? { filename: "kohtaamo.ics", method: mail.calendarMethod ?? "PUBLISH", content: mail.calendar } : undefined,
      });
      markSent(db, row, new Date());
      outcome.sent++;
      failuresInRow = 0;
    } catch (error) {
      markFailed(db, row, now, error);
      outcome.failed++;
      failuresInRow++;
    }
  }
  return outcome;
}
