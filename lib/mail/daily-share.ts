import "server-only";
import { and, eq, lt, sql } from "drizzle-orm";
import type { Reader, Writer } from "@/db/client";
import { recipientDaily, type DailyShareRule } from "@/db/schema";
import { helsinkiDayOf } from "@/lib/i18n/time";
import { keyedMarker } from "@/lib/secret";

/*
 * The one counter of what a recipient (an e-mail address or a phone number)
 * has had today, for the daily caps: the text messages a number was sent
 * (SMS_DAILY_CAP) and the confirmations and offers anyone could make us send
 * by typing someone's address (MESSAGES_PER_RECIPIENT_DAY). Counted by a
 * keyed marker of the recipient, never the recipient itself, per Helsinki
 * day; the retention job deletes a day's rows once it is over.
 */

/** The recipient as the counter knows it. An address is one address in any case. */
const marker = (recipient: string): string => keyedMarker("recipient-daily", recipient.trim().toLowerCase());

const today = (now: Date): number => helsinkiDayOf(now.getTime()).day;

/** How many this recipient has had today under one rule. */
export function countToday(db: Reader, rule: DailyShareRule, recipient: string, now: Date): number {
  const row = db
    .select({ count: recipientDaily.count })
    .from(recipientDaily)
    .where(and(eq(recipientDaily.marker, marker(recipient)), eq(recipientDaily.rule, rule), eq(recipientDaily.day, today(now))))
    .get();
  return row?.count ?? 0;
}

/** One more for this recipient today, in the caller's transaction: the count it makes. */
export function countOne(tx: Writer, rule: DailyShareRule, recipient: string, now: Date): number {
  const row = tx
    .insert(recipientDaily)
    .values({ marker: marker(recipient), rule, day: today(now), count: 1 })
    .onConflictDoUpdate({ target: [recipientDaily.marker, recipientDaily.rule, recipientDaily.day], set: { count: sql`${recipientDaily.count} + 1` } })
    .returning({ count: recipientDaily.count })
    .get();
  return row.count;
}

/**
 * Takes one of the recipient's share for today (true while some is left), in
 * the caller's transaction: a booking rolled back takes nothing.
 */
export function takeShare(tx: Writer, rule: DailyShareRule, recipient: string, cap: number, now: Date): boolean {
  return countOne(tx, rule, recipient, now) <= cap;
}

/** The counts of the days that are over: nothing is kept past its day. */
export function forgetPastDays(tx: Writer, now: Date): number {
  return tx.delete(recipientDaily).where(lt(recipientDaily.day, today(now))).run().changes;
}
