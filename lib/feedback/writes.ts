import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { DB, Reader, Writer } from "@/db/client";
import { concernActions, concerns, feedbackLinks, feedbackResponses, sessions, youSaidWeDid, type Localized } from "@/db/schema";
import { plannerIn, type Actor } from "@/lib/auth/staff";
import type { Locale } from "@/lib/i18n/locales";
import { startOfHelsinkiDay } from "@/lib/i18n/time";
import { feedbackMarker } from "./marker";
import { answeredRecently, rememberAnswer } from "./quiet";
import { normaliseVisitorCode } from "@/lib/visitors/codes";
import { feedbackLink } from "./reads";
import { handoverConsentOf, type FeedbackForm } from "./schemas";

const DAY = 86_400_000;

/** The session's feedback link, made once; it works until a set number of days after the session's end. */
export function ensureFeedbackLink(tx: Reader & Writer, sessionId: number, days: number): string {
  const existing = tx.select({ key: feedbackLinks.key }).from(feedbackLinks).where(eq(feedbackLinks.sessionId, sessionId)).get();
  if (existing) return existing.key;
  const session = tx.select({ endsAt: sessions.endsAt }).from(sessions).where(eq(sessions.id, sessionId)).get();
  if (!session) throw new Error(`no session ${sessionId}`);
  const key = randomBytes(9).toString("base64url"); // 72 bits: short enough for a QR code read on an old phone
  tx.insert(feedbackLinks)
    .values({ key, sessionId, expiresAt: new Date(session.endsAt.getTime() + days * DAY) })
    .run();
  return key;
}

/** `recent`: the parent's code answered within the quiet period: thanked, and offered the concern channel alone (see quiet.ts). */
export type SubmitResult = { ok: true; recent: boolean } | { ok: false; reason: "invalid" | "expired" | "alreadyAnswered" | "visitorCodeShape" };

/**
 * Stores one anonymous answer, and a concern apart from it (the concern holds
 * contact details only when the parent gave them). One transaction.
 * A concern with text is always kept, box ticked or not. It carries only the
 * day, never the time: two rows written in the same millisecond would tell
 * whose answer the concern (and its phone number) belongs to.
 */
export function submitFeedback(db: DB, key: string, form: FeedbackForm, locale: Locale, deviceId: string, now = new Date()): SubmitResult {
  return db.transaction(
    (tx) => {
      const link = feedbackLink(tx, key, now);
      if (!link.ok) return link;
      if (form.concernOnly) {
        if (form.concernText) keepConcern(tx, link.sessionId, form, locale, now);
        return { ok: true, recent: true } as const;
      }
      const code = form.visitorCode ? normaliseVisitorCode(form.visitorCode) : null;
      if (form.visitorCode && !code) return { ok: false, reason: "visitorCodeShape" } as const;
      // Answered recently: thanked and not asked again. An answer given anyway is kept like any other
      // (nothing a parent writes is lost), and the quiet period is not moved by it.
      const recent = code !== null && answeredRecently(tx, code, now);
      const device = feedbackMarker(link.sessionId, deviceId);
      const earlier = tx
        .select({ id: feedbackResponses.id })
        .from(feedbackResponses)
        .where(and(eq(feedbackResponses.sessionId, link.sessionId), eq(feedbackResponses.deviceHash, device)))
        .get();
      if (earlier) return { ok: false, reason: "alreadyAnswered" };
      tx.insert(feedbackResponses)
        .values({
          sessionId: link.sessionId,
          rating: form.rating,
          gotInformation: form.gotInformation,
          lessAlone: form.lessAlone,
          wouldReturn: form.wouldReturn,
          comment: form.comment,
          locale,
          deviceHash: device,
        })
        .run();
      if (form.concernText) keepConcern(tx, link.sessionId, form, locale, now);
      // Only a keyed hash of the code and a day, in a table of its own: nothing ties it to the answer above.
      if (code && !recent) rememberAnswer(tx, code, now);
      return { ok: true, recent } as const;
    },
    { behavior: "immediate" },
  );
}

function keepConcern(tx: Writer, sessionId: number, form: FeedbackForm, locale: Locale, now: Date) {
  tx.insert(concerns)
    .values({ sessionId, text: form.concernText!, contact: form.contact, locale, createdAt: startOfHelsinkiDay(now), handoverConsent: handoverConsentOf(form) })
    .run();
}

export type StaffResult = { ok: true } | { ok: false; error: "forbidden" | "notFound" | "invalid" };

export function markHandled(db: DB, actor: Actor | null, responseId: number, handled: boolean, now = new Date()): StaffResult {
  const planner = plannerIn(db, actor);
  if (!planner) return { ok: false, error: "forbidden" };
  const r = db
    .update(feedbackResponses)
    .set(handled ? { handledAt: now, handledBy: planner.id } : { handledAt: null, handledBy: null })
    .where(eq(feedbackResponses.id, responseId))
    .run();
  return r.changes ? { ok: true } : { ok: false, error: "notFound" };
}

/** What was done about a concern, and its new status, recorded together. */
export function recordConcernAction(
  db: DB,
  actor: Actor | null,
  concernId: number,
  note: string,
  status: "new" | "in_progress" | "resolved",
  now = new Date(),
): StaffResult {
  return db.transaction(
    (tx) => {
      const planner = plannerIn(tx, actor);
      if (!planner) return { ok: false, error: "forbidden" } as const;
      const found = tx.select({ id: concerns.id }).from(concerns).where(eq(concerns.id, concernId)).get();
      if (!found) return { ok: false, error: "notFound" } as const;
      tx.insert(concernActions).values({ concernId, actorId: planner.id, note, status, at: now }).run();
      tx.update(concerns)
        .set({ status, updatedAt: now, resolvedAt: status === "resolved" ? now : null })
        .where(eq(concerns.id, concernId))
        .run();
      return { ok: true } as const;
    },
    { behavior: "immediate" },
  );
}

export function publishYouSaidWeDid(
  db: DB,
  actor: Actor | null,
  entry: { placeId: number | null; said: Localized; did: Localized },
  now = new Date(),
): StaffResult {
  const planner = plannerIn(db, actor);
  if (!planner) return { ok: false, error: "forbidden" };
  db.insert(youSaidWeDid)
    .values({ ...entry, publishedAt: now, createdBy: planner.id })
    .run();
  return { ok: true };
}
