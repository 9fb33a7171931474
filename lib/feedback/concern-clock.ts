import "server-only";
import { and, eq, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import type { DB } from "@/db/client";
import { concerns } from "@/db/schema";
import { config } from "@/lib/config";
import { textMessagesOn } from "@/lib/sms/provider";
import { helsinkiDayOf, helsinkiMidnight } from "@/lib/i18n/time";
import { addWorkingDays, isWorkingDay, workingDaysBetween } from "@/lib/i18n/working-days";
import { everyPlanner } from "@/lib/staff/reads";
import { queueConcernNotice } from "./concern-notice";

/*
 * A concern's clock. A first response (the concern taken, the parent
 * contacted, or the concern resolved: anything that moves it off "new") is
 * due within CONCERN_REPLY_WORKING_DAYS Finnish working days. A concern keeps
 * only the Helsinki day it was received (its time would tie it to the
 * parent's answer), so the count starts from that day: received on a working
 * day, that day is day 0; received on a weekend or holiday, the next working
 * day is. The response is in time on the due day itself; from the next day
 * the concern is overdue, and every planner and admin is told again once on
 * each working day until someone responds.
 */

export type ConcernSettings = { workingDays: number; textMessages: boolean };

/** From the configuration: CONCERN_REPLY_WORKING_DAYS, and whether text messages are on. */
export const concernSettings = (): ConcernSettings => ({ workingDays: config().CONCERN_REPLY_WORKING_DAYS, textMessages: textMessagesOn(config()) });

const dayOf = (at: Date): number => helsinkiDayOf(at.getTime()).day;

/** The last day for a first response, as its Helsinki midnight. */
export function dueAtFor(receivedAt: Date, workingDays: number): Date {
  return helsinkiMidnight(addWorkingDays(dayOf(receivedAt), workingDays));
}

/** Overdue, as a condition on a query of `concerns`: no first response, and the due day is over (from the day after it). */
export const overdueSql = (now: Date): SQL<boolean> =>
  sql<boolean>`(${concerns.firstResponseAt} IS NULL AND ${concerns.status} <> 'resolved' AND ${concerns.dueAt} < ${helsinkiMidnight(dayOf(now)).getTime()})`;

/**
 * The planners' figures of concern handling (never published): received; of
 * those answered or past their due day, the share answered by the due day;
 * and the median working days from the day of receipt to the first response
 * (0: the same working day), working days because only the day is kept.
 */
export function concernFigures(rows: { createdAt: Date; dueAt: Date | null; firstResponseAt: Date | null; handedOver?: boolean }[], now: Date) {
  const judged = rows.filter((r) => r.firstResponseAt !== null || (r.dueAt !== null && dayOf(r.dueAt) < dayOf(now)));
  const inTime = judged.filter((r) => r.firstResponseAt !== null && r.dueAt !== null && dayOf(r.firstResponseAt) <= dayOf(r.dueAt)).length;
  const days = rows
    .filter((r) => r.firstResponseAt !== null)
    .map((r) => workingDaysBetween(dayOf(r.createdAt), dayOf(r.firstResponseAt!)))
    .sort((a, b) => a - b);
  const mid = Math.floor(days.length / 2);
  const median = days.length === 0 ? null : days.length % 2 ? days[mid]! : (days[mid - 1]! + days[mid]!) / 2;
  const handedOver = rows.filter((r) => r.handedOver).length;
  return { received: rows.length, judged: judged.length, inTime, share: judged.length ? inTime / judged.length : null, medianDays: median, handedOver };
}

/**
 * The background job (lib/server/boot.ts): gives concerns from before the
 * clock existed their due date, then tells every planner and admin again of
 * each overdue concern, at most once a Helsinki working day (the day is kept
 * on the concern, so a restart or a second run the same day sends nothing).
 * Returns how many concerns were re-notified.
 */
export function renotifyOverdueConcerns(db: DB, o: ConcernSettings, now = new Date()): number {
  const today = dayOf(now);
  return db.transaction(
    (tx) => {
      for (const c of tx.select({ id: concerns.id, createdAt: concerns.createdAt }).from(concerns).where(isNull(concerns.dueAt)).all()) {
        tx.update(concerns).set({ dueAt: dueAtFor(c.createdAt, o.workingDays) }).where(eq(concerns.id, c.id)).run();
      }
      if (!isWorkingDay(today)) return 0;
      const overdue = tx
        .select({ id: concerns.id })
        .from(concerns)
        .where(
          and(
            overdueSql(now),
            or(isNull(concerns.renotifiedDay), lt(concerns.renotifiedDay, today)),
          ),
        )
        .all();
      if (overdue.length === 0) return 0;
      const recipients = everyPlanner(tx);
      for (const c of overdue) {
        queueConcernNotice(tx, c.id, recipients, { now, textMessages: o.textMessages });
        tx.update(concerns).set({ renotifiedDay: today }).where(eq(concerns.id, c.id)).run();
      }
      return overdue.length;
    },
    { behavior: "immediate" },
  );
}
