import "server-only";
import { and, desc, eq, isNotNull, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { DB, Reader } from "@/db/client";
import { answers, feedbackResponses, places, professionalFeedback, sessions } from "@/db/schema";
import type { Locale } from "@/lib/i18n/locales";
import { freeText } from "@/lib/text/free-text";
import { feedbackMarker } from "./marker";
import { feedbackLink, filterConditions, type FeedbackFilter } from "./reads";

/*
 * Professionals' voice. Professionals who took part in a session (a training,
 * an info session for workers, or a drop-in they joined) answer their own
 * short form through the same feedback link (/feedback/<key>/pro): what they
 * learned about client participation, what they will change in their work,
 * and a comment. Anonymous like the parents' answers: one per device per
 * session by the same keyed marker. Planners read both side by side for the
 * same period and place ("parallel review").
 */

const text = (max: number) =>
  freeText({ multiline: true })
    .max(max, { message: "tooLong" })
    .optional()
    .transform((v) => (v ? v : null));

// Error messages are keys under "professionals.errors".
export const professionalFormSchema = z
  .object({
    learned: z
      .enum(answers)
      .optional()
      .catch(undefined)
      .transform((v) => v ?? null),
    learnedText: text(1000),
    willChange: text(1000),
    comment: text(1000),
  })
  .superRefine((f, ctx) => {
    if (!f.learned && !f.learnedText && !f.willChange && !f.comment) ctx.addIssue({ code: "custom", path: ["form"], message: "nothingAnswered" });
  });
export type ProfessionalForm = z.output<typeof professionalFormSchema>;
export type ProfessionalField = "learned" | "learnedText" | "willChange" | "comment";

export type ProfessionalResult = { ok: true } | { ok: false; reason: "invalid" | "expired" | "alreadyAnswered" };

export function submitProfessionalFeedback(db: DB, key: string, form: ProfessionalForm, locale: Locale, deviceId: string, now = new Date()): ProfessionalResult {
  return db.transaction(
    (tx) => {
      const link = feedbackLink(tx, key, now);
      if (!link.ok) return link;
      // Only where the form is offered: a session for professionals, or one they came to.
      if (!offersProfessionalForm(tx, link.sessionId)) return { ok: false, reason: "invalid" } as const;
      const device = feedbackMarker(link.sessionId, `pro:${deviceId}`);
      const done = tx
        .select({ id: professionalFeedback.id })
        .from(professionalFeedback)
        .where(and(eq(professionalFeedback.sessionId, link.sessionId), eq(professionalFeedback.deviceHash, device)))
        .get();
      if (done) return { ok: false, reason: "alreadyAnswered" } as const;
      tx.insert(professionalFeedback).values({ sessionId: link.sessionId, ...form, locale, deviceHash: device }).run();
      return { ok: true } as const;
    },
    { behavior: "immediate" },
  );
}

const share = (yes: number, answered: number) => ({ yes, answered, share: answered > 0 ? yes / answered : null });

/** Parents' and professionals' answers for the same sessions (period, place, kind), for planners. */
export function sideBySide(tx: Reader, f: FeedbackFilter) {
  const where = filterConditions(f);
  const p = tx
    .select({
      responses: sql<number>`count(*)`,
      // Answered on the meeting place's tablet (the feedback kiosk), counted within the responses.
      kiosk: sql<number>`coalesce(sum(${feedbackResponses.channel} = 'kiosk'), 0)`,
      rated: sql<number>`count(${feedbackResponses.rating})`,
      ratingSum: sql<number>`coalesce(sum(${feedbackResponses.rating}), 0)`,
      infoYes: sql<number>`coalesce(sum(${feedbackResponses.gotInformation} = 'yes'), 0)`,
      infoAnswered: sql<number>`count(${feedbackResponses.gotInformation})`,
      returnYes: sql<number>`coalesce(sum(${feedbackResponses.wouldReturn} = 'yes'), 0)`,
      returnAnswered: sql<number>`count(${feedbackResponses.wouldReturn})`,
    })
    .from(feedbackResponses)
    .innerJoin(sessions, eq(sessions.id, feedbackResponses.sessionId))
    .innerJoin(places, eq(places.id, sessions.placeId))
    .where(and(...where))
    .get()!;
  const parentComments = tx
    .select({ id: feedbackResponses.id, text: feedbackResponses.comment, session: sessions.title, startsAt: sessions.startsAt })
    .from(feedbackResponses)
    .innerJoin(sessions, eq(sessions.id, feedbackResponses.sessionId))
    .innerJoin(places, eq(places.id, sessions.placeId))
    .where(and(...where, isNotNull(feedbackResponses.comment)))
    .orderBy(desc(feedbackResponses.createdAt), desc(feedbackResponses.id))
    .limit(50)
    .all();
  const q = tx
    .select({
      responses: sql<number>`count(*)`,
      learnedYes: sql<number>`coalesce(sum(${professionalFeedback.learned} = 'yes'), 0)`,
      learnedAnswered: sql<number>`count(${professionalFeedback.learned})`,
    })
    .from(professionalFeedback)
    .innerJoin(sessions, eq(sessions.id, professionalFeedback.sessionId))
    .innerJoin(places, eq(places.id, sessions.placeId))
    .where(and(...where))
    .get()!;
  const proAnswers = tx
    .select({
      id: professionalFeedback.id,
      learnedText: professionalFeedback.learnedText,
      willChange: professionalFeedback.willChange,
      comment: professionalFeedback.comment,
      session: sessions.title,
      startsAt: sessions.startsAt,
    })
    .from(professionalFeedback)
    .innerJoin(sessions, eq(sessions.id, professionalFeedback.sessionId))
    .innerJoin(places, eq(places.id, sessions.placeId))
    .where(and(...where, or(isNotNull(professionalFeedback.learnedText), isNotNull(professionalFeedback.willChange), isNotNull(professionalFeedback.comment))))
    .orderBy(desc(professionalFeedback.createdAt), desc(professionalFeedback.id))
    .limit(50)
    .all();
  return {
    parents: {
      responses: p.responses,
      kiosk: p.kiosk,
      meanRating: p.rated > 0 ? p.ratingSum / p.rated : null,
      gotInformation: share(p.infoYes, p.infoAnswered),
      wouldReturn: share(p.returnYes, p.returnAnswered),
      comments: parentComments,
    },
    professionals: { responses: q.responses, learned: share(q.learnedYes, q.learnedAnswered), answers: proAnswers },
  };
}

/** Whether a session's professionals' form is offered at closing: a session for professionals, or one they came to. */
export function offersProfessionalForm(tx: Reader, sessionId: number): boolean {
  const row = tx
    .select({ forPros: sessions.forProfessionals, pros: sql<number>`(SELECT count(*) FROM visits v WHERE v.session_id = ${sessionId} AND v.kind = 'professional')` })
    .from(sessions)
    .where(eq(sessions.id, sessionId))
    .get();
  return !!row && (row.forPros || row.pros > 0);
}
