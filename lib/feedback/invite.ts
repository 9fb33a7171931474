import "server-only";
import { and, eq, isNotNull, notInArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { attendance, bookings, sessions, visits } from "@/db/schema";
import { bookingsOf } from "@/lib/booking/bookable";
import { config, publicUrl } from "@/lib/config";
import { translatorFor } from "@/lib/i18n/translator";
import { queueMail } from "@/lib/mail/outbox";
import { ensureFeedbackLink } from "./writes";
import { quietCodes } from "./quiet";

/** The address of a session's feedback form; without a language, so the parent's phone chooses. */
export function feedbackUrl(key: string, locale?: string): string {
  return publicUrl(`${locale ? `/${locale}` : ""}/feedback/${key}`);
}

/**
 * When a session closes: its feedback link, and a short invitation to every
 * booker who left an e-mail and was not marked absent. Same transaction as the closing.
 * A parent whose visitor code answered within the quiet period is not asked
 * (feedback without fatigue); how many were not asked is kept on the session,
 * so the response rate is over the parents asked.
 */
export function inviteFeedback(tx: Tx, sessionId: number, now: Date): string {
  const key = ensureFeedbackLink(tx, sessionId, config().FEEDBACK_LINK_DAYS);
  const session = tx.select({ id: sessions.id, groupId: sessions.groupId, endsAt: sessions.endsAt }).from(sessions).where(eq(sessions.id, sessionId)).get()!;
  const absent = tx
    .select({ id: attendance.bookingId })
    .from(attendance)
    .where(and(eq(attendance.sessionId, sessionId), eq(attendance.status, "no_show")))
    .all()
    .map((r) => r.id);
  const invited = tx
    .select({ id: bookings.id, email: bookings.email, locale: bookings.locale, visitorCode: bookings.visitorCode })
    .from(bookings)
    .where(and(bookingsOf({ sessionId: session.id, groupId: session.groupId }, "confirmed"), isNotNull(bookings.email), absent.length ? notInArray(bookings.id, absent) : undefined))
    .all();
  const until = new Date(session.endsAt.getTime() + config().FEEDBACK_LINK_DAYS * 86_400_000);
  const codesHere = tx
    .selectDistinct({ code: visits.visitorCode })
    .from(visits)
    .where(and(eq(visits.sessionId, sessionId), eq(visits.kind, "parent"), isNotNull(visits.visitorCode)))
    .all()
    .map((r) => r.code!);
  const quiet = quietCodes(tx, [...new Set([...codesHere, ...invited.flatMap((b) => (b.visitorCode ? [b.visitorCode] : []))])], now);
  tx.update(sessions).set({ feedbackNotAsked: codesHere.filter((c) => quiet.has(c)).length }).where(eq(sessions.id, sessionId)).run();
  for (const b of invited) {
    if (b.visitorCode && quiet.has(b.visitorCode)) continue;
    const { t, format } = translatorFor(b.locale);
    const text = [
      t("feedback.email.body"),
      "",
      feedbackUrl(key, b.locale),
      "",
      t("feedback.email.until", { date: format.dateTime(until, { dateStyle: "long" }) }),
      "",
      "--",
      t("email.footer", { days: config().EMAIL_RETENTION_DAYS }),
    ].join("\n");
    queueMail(tx, { kind: "feedback_invite", bookingId: b.id, recipient: b.email!, notBefore: now, rendered: { subject: t("feedback.email.subject"), text } });
  }
  return key;
}
