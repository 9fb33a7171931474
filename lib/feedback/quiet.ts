import "server-only";
import { and, eq, gt, inArray } from "drizzle-orm";
import type { Reader, Writer } from "@/db/client";
import { feedbackQuiet } from "@/db/schema";
import { config } from "@/lib/config";
import { helsinkiDayOf, helsinkiMidnight } from "@/lib/i18n/time";
import { keyedMarker } from "@/lib/secret";

/*
 * Feedback without fatigue. A parent who gives their visitor code with an
 * answer is not asked again for FEEDBACK_QUIET_DAYS: no invitation by e-mail,
 * and the door screen says so when their code is counted. The promise of
 * issue 9 holds: the answer stays anonymous. What is kept is only
 *   feedback_quiet(marker = HMAC(server key, code), until = a Helsinki day)
 * in its own table with no row order: no answer id, no time of the answer,
 * no session, and `until` a Monday shared by every answer of a week. The code itself is never stored; without the server's key
 * nobody can test a code against the table; the row is deleted when the
 * quiet period ends (lib/privacy/retention.ts).
 */

const DAY = 86_400_000;
export const quietMarker = (code: string): string => keyedMarker("feedback-quiet", code);

/** True when the code's parent answered within the quiet period. */
export function answeredRecently(tx: Reader, code: string, now = new Date()): boolean {
  return !!tx
    .select({ m: feedbackQuiet.marker })
    .from(feedbackQuiet)
    .where(and(eq(feedbackQuiet.marker, quietMarker(code)), gt(feedbackQuiet.until, now)))
    .get();
}

/** Of these codes, those whose parent answered within the quiet period. */
export function quietCodes(tx: Reader, codes: string[], now = new Date()): Set<string> {
  if (codes.length === 0) return new Set();
  const byMarker = new Map(codes.map((c) => [quietMarker(c), c]));
  const rows = tx
    .select({ m: feedbackQuiet.marker })
    .from(feedbackQuiet)
    .where(and(inArray(feedbackQuiet.marker, [...byMarker.keys()]), gt(feedbackQuiet.until, now)))
    .all();
  return new Set(rows.map((r) => byMarker.get(r.m)!));
}

/**
 * After an answer with a code: quiet for at least that many days, until the Monday after (Helsinki
 * midnight). Every answer of a week ends on the same Monday, so `until` does not tell the answer's day,
 * which could otherwise be lined up with the code's sessions and the answers' days.
 */
export function rememberAnswer(tx: Writer, code: string, now = new Date(), days = config().FEEDBACK_QUIET_DAYS): void {
  const { day } = helsinkiDayOf(now.getTime() + days * DAY);
  // Day 0 (1 January 1970) was a Thursday: a Monday is a day with (day + 3) % 7 === 0.
  const until = helsinkiMidnight(day + ((7 - ((day + 3) % 7)) % 7));
  tx.insert(feedbackQuiet)
    .values({ marker: quietMarker(code), until })
    .onConflictDoUpdate({ target: feedbackQuiet.marker, set: { until } })
    .run();
}
