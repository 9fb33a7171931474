import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { DB } from "@/db/client";
import { outbox, smsDaily } from "@/db/schema";
import { helsinkiDayOf } from "@/lib/i18n/time";
import { keyedMarker } from "@/lib/secret";
import { log } from "@/lib/log.mjs";
import { dueMessages, markDropped, markFailed, markSent, type Outcome } from "@/lib/mail/sender";
import type { SmsProvider } from "./provider";

/** A text message as it goes out. */
export type ComposedSms = { recipient: string; text: string };

/** What a queued text says now, or null when it should be dropped; handed in by the boot code, like the e-mail composer. */
export type SmsComposer = (db: DB, row: typeof outbox.$inferSelect) => ComposedSms | null;

/** The number as the cap knows it: a keyed marker, never the number itself. */
const capMarker = (recipient: string): string => keyedMarker("sms-daily-cap", recipient);

/**
 * Text messages already sent to this number since midnight in Helsinki. Counted
 * in `sms_daily`, not from the outbox: "Delete my details" blanks the outbox's
 * recipient, and that must not hand the number a fresh day's share.
 */
export function sentToday(db: DB, recipient: string, now: Date): number {
  const row = db
    .select({ sent: smsDaily.sent })
    .from(smsDaily)
    .where(and(eq(smsDaily.marker, capMarker(recipient)), eq(smsDaily.day, helsinkiDayOf(now.getTime()).day)))
    .get();
  return row?.sent ?? 0;
}

/** The provider took a text: the row is sent and the number's count for the day goes up, together. */
function recordSent(db: DB, row: typeof outbox.$inferSelect, recipient: string, now: Date): void {
  db.transaction((tx) => {
    markSent(tx, row, now);
    tx.insert(smsDaily)
      .values({ marker: capMarker(recipient), day: helsinkiDayOf(now.getTime()).day, sent: 1 })
      .onConflictDoUpdate({ target: [smsDaily.marker, smsDaily.day], set: { sent: sql`${smsDaily.sent} + 1` } })
      .run();
  });
}

/**
 * Sends the text messages that are due, through the outbox's own retries:
 * a row is marked sent only after the provider took it. A number that has
 * had its day's share (dailyCap) gets no more: the message is dropped, and
 * logged by its row, never by the number. The cap is counted here, at
 * sending, so however the messages were queued, no number gets more.
 */
export async function deliverDueSms(db: DB, provider: SmsProvider, compose: SmsComposer, o: { dailyCap: number; now?: Date }): Promise<Outcome & { capped: number }> {
  const now = o.now ?? new Date();
  const outcome = { sent: 0, failed: 0, dropped: 0, capped: 0 };
  for (const row of dueMessages(db, "sms", now)) {
    const sms = compose(db, row);
    if (!sms) {
      markDropped(db, row, now);
      outcome.dropped++;
      continue;
    }
    if (sentToday(db, sms.recipient, now) >= o.dailyCap) {
      markDropped(db, row, now, "daily cap reached");
      log.warn({ event: "sms.capped", outboxId: row.id, kind: row.kind, cap: o.dailyCap }, "text message dropped: the number has had its daily share");
      outcome.capped++;
      continue;
    }
    try {
      await provider.send({ to: sms.recipient, text: sms.text });
      recordSent(db, row, sms.recipient, now);
      outcome.sent++;
    } catch (error) {
      markFailed(db, row, now, error);
      outcome.failed++;
    }
  }
  return outcome;
}
