import "server-only";
import { and, count, eq, gte } from "drizzle-orm";
import type { DB } from "@/db/client";
import { outbox } from "@/db/schema";
import { startOfHelsinkiDay } from "@/lib/i18n/time";
import { log } from "@/lib/log.mjs";
import { dueMessages, markDropped, markFailed, markSent, type Outcome } from "@/lib/mail/sender";
import type { SmsProvider } from "./provider";

/** A text message as it goes out. */
export type ComposedSms = { recipient: string; text: string };

/** What a queued text says now, or null when it should be dropped; handed in by the boot code, like the e-mail composer. */
export type SmsComposer = (db: DB, row: typeof outbox.$inferSelect) => ComposedSms | null;

/** Text messages already sent to this number since midnight in Helsinki. */
export function sentToday(db: DB, recipient: string, now: Date): number {
  const row = db
    .select({ n: count() })
    .from(outbox)
    .where(and(eq(outbox.channel, "sms"), eq(outbox.recipient, recipient), gte(outbox.sentAt, startOfHelsinkiDay(now))))
    .get();
  return row?.n ?? 0;
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
      markSent(db, row, now);
      outcome.sent++;
    } catch (error) {
      markFailed(db, row, now, error);
      outcome.failed++;
    }
  }
  return outcome;
}
