import "server-only";
import type { DB } from "@/db/client";
import type { outbox } from "@/db/schema";
import { countOne, countToday } from "@/lib/mail/daily-share";
import { log } from "@/lib/log.mjs";
import { dueMessages, FAILURES_BEFORE_PAUSE, markDropped, markFailed, markSent, type Outcome } from "@/lib/mail/sender";
import { textableNumber } from "./phone";
import type { SmsProvider } from "./provider";

/** A text message as it goes out. */
export type ComposedSms = { recipient: string; text: string };

/** What a queued text says now, or null when it should be dropped; handed in by the boot code, like the e-mail composer. */
export type SmsComposer = (db: DB, row: typeof outbox.$inferSelect) => ComposedSms | null;

/** The provider took a text: the row is sent and the number's count for the day goes up, together. */
function recordSent(db: DB, row: typeof outbox.$inferSelect, recipient: string, now: Date): void {
  db.transaction((tx) => {
    markSent(tx, row, now);
    countOne(tx, "texts_sent", recipient, now);
  });
}

/**
 * Sends the text messages that are due, through the outbox's own retries:
 * a row is marked sent only after the provider took it. A number that has
 * had its day's share (dailyCap) gets no more: the message is dropped, and
 * logged by its row, never by the number. The cap is counted here, at
 * sending, so however the messages were queued, no number gets more.
 */
export async function deliverDueSms(
  db: DB,
  provider: SmsProvider,
  compose: SmsComposer,
  o: { dailyCap: number; countries?: readonly string[]; now?: Date },
): Promise<Outcome & { capped: number }> {
  const now = o.now ?? new Date();
  const outcome = { sent: 0, failed: 0, dropped: 0, capped: 0 };
  let failuresInRow = 0;
  for (const row of dueMessages(db, "sms", now)) {
    const sms = compose(db, row);
    if (!sms) {
      markDropped(db, row, now);
      outcome.dropped++;
      continue;
    }
    // Counted in the recipient's daily share, not from the outbox: "Delete my details" blanks the outbox's recipient, and that must not hand the number a fresh day.
    if (countToday(db, "texts_sent", sms.recipient, now) >= o.dailyCap) {
      markDropped(db, row, now, "daily cap reached");
      log.warn({ event: "sms.capped", outboxId: row.id, kind: row.kind, cap: o.dailyCap }, "text message dropped: the number has had its daily share");
      outcome.capped++;
      continue;
    }
    // A number given before SMS_COUNTRIES was narrowed is not texted either.
    if (o.countries && !textableNumber(sms.recipient, o.countries)) {
      markDropped(db, row, now, "country not in SMS_COUNTRIES");
      outcome.dropped++;
      continue;
    }
    if (failuresInRow >= FAILURES_BEFORE_PAUSE) break;
    try {
      await provider.send({ to: sms.recipient, text: sms.text });
      recordSent(db, row, sms.recipient, now);
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
