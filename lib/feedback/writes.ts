import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { DB, Reader, Writer } from "@/db/client";
import { concernActions, concerns, feedbackLinks, feedbackResponses, sessions, users, youSaidWeDid, type ConcernStatus, type Localized } from "@/db/schema";
import { canRunSession, plannerIn, type Actor } from "@/lib/auth/staff";
import { audit } from "@/lib/privacy/audit";
import { concernRecipients } from "@/lib/staff/reads";
import { concernSettings, dueAtFor, type ConcernSettings } from "./concern-clock";
import { queueConcernNotice } from "./concern-notice";
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
export type SubmitResult =
  | { ok: true; recent: boolean }
  | { ok: false; reason: "invalid" | "expired" | "alreadyAnswered" | "visitorCodeShape" | "kioskForbidden" };

/**
 * Who answers: a parent's own device (the random id of its cookie), or one
 * turn of the feedback kiosk, the meeting place's tablet handed to a parent.
 * One answer per device cannot hold for a shared tablet, so the kiosk's rule
 * is one answer per turn: the kiosk page makes a new random turn for each
 * parent (after an answer, or when it returns to its start), so a double tap
 * or a resent form is the same turn's and refused as answered, while the next
 * parent answers in a turn of their own. A turn is accepted only from a staff
 * member who runs the session (the kiosk is opened signed in), for that
 * session's own link: a parent's phone cannot make up turns to answer many times.
 */
export type Answerer = string | { kioskTurn: string; sessionId: number; actor: Actor | null };

/**
 * Stores one anonymous answer, and a concern apart from it (the concern holds
 * contact details only when the parent gave them). One transaction.
 * A concern with text is always kept, box ticked or not. It carries only the
 * day, never the time: two rows written in the same millisecond would tell
 * whose answer the concern (and its phone number) belongs to.
 */
export function submitFeedback(
  db: DB,
  key: string,
  form: FeedbackForm,
  locale: Locale,
  answerer: Answerer,
  now = new Date(),
  settings: ConcernSettings = concernSettings(),
): SubmitResult {
  return db.transaction(
    (tx) => {
      const link = feedbackLink(tx, key, now);
      if (!link.ok) return link;
      const kiosk = typeof answerer === "string" ? null : answerer;
      if (kiosk && (kiosk.sessionId !== link.sessionId || !canRunSession(tx, kiosk.actor, link.sessionId))) return { ok: false, reason: "kioskForbidden" } as const;
      if (form.concernOnly) {
        if (form.concernText) keepConcern(tx, link.sessionId, form, locale, now, settings);
        return { ok: true, recent: true } as const;
      }
      const code = form.visitorCode ? normaliseVisitorCode(form.visitorCode) : null;
      if (form.visitorCode && !code) return { ok: false, reason: "visitorCodeShape" } as const;
      // Answered recently: thanked and not asked again. An answer given anyway is kept like any other
      // (nothing a parent writes is lost), and the quiet period is not moved by it.
      const recent = code !== null && answeredRecently(tx, code, now);
      // A kiosk turn is marked like a device, in a space of its own: no cookie can collide with a turn.
      const device = feedbackMarker(link.sessionId, kiosk ? `kiosk:${kiosk.kioskTurn}` : (answerer as string));
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
          channel: kiosk ? "kiosk" : "own_device",
        })
        .run();
      if (form.concernText) keepConcern(tx, link.sessionId, form, locale, now, settings);
      // Only a keyed hash of the code and a day, in a table of its own: nothing ties it to the answer above.
      if (code && !recent) rememberAnswer(tx, code, now);
      return { ok: true, recent } as const;
    },
    { behavior: "immediate" },
  );
}

/**
 * Keeps a concern with its due date, and tells the planners responsible for
 * the session's place at once, in the same transaction: the notice exists
 * exactly when the concern does. The notice says nothing of it (concern-notice.ts).
 */
function keepConcern(tx: Reader & Writer, sessionId: number, form: FeedbackForm, locale: Locale, now: Date, settings: ConcernSettings) {
  const receivedAt = startOfHelsinkiDay(now);
  const { id } = tx
    .insert(concerns)
    .values({ sessionId, text: form.concernText!, contact: form.contact, locale, createdAt: receivedAt, dueAt: dueAtFor(receivedAt, settings.workingDays), handoverConsent: handoverConsentOf(form) })
    .returning({ id: concerns.id })
    .get();
  const session = tx.select({ placeId: sessions.placeId }).from(sessions).where(eq(sessions.id, sessionId)).get();
  queueConcernNotice(tx, id, concernRecipients(tx, session?.placeId ?? null), { now, textMessages: settings.textMessages });
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

type ConcernRow = { id: number; status: ConcernStatus; ownerId: string | null; firstResponseAt: Date | null };

/**
 * One gate and one IMMEDIATE transaction for every change to a concern: the
 * planner read again from the database, the concern found, then the change
 * and its audit row written together. Leaving "new" is the first response.
 */
function onConcern(db: DB, actor: Actor | null, concernId: number, change: (tx: Reader & Writer, planner: Actor, concern: ConcernRow) => StaffResult): StaffResult {
  return db.transaction(
    (tx) => {
      const planner = plannerIn(tx, actor);
      if (!planner) return { ok: false, error: "forbidden" } as const;
      const concern = tx
        .select({ id: concerns.id, status: concerns.status, ownerId: concerns.ownerId, firstResponseAt: concerns.firstResponseAt })
        .from(concerns)
        .where(eq(concerns.id, concernId))
        .get();
      if (!concern) return { ok: false, error: "notFound" } as const;
      return change(tx, planner, concern);
    },
    { behavior: "immediate" },
  );
}

function moveTo(concern: ConcernRow, status: ConcernStatus, now: Date) {
  return {
    status,
    updatedAt: now,
    resolvedAt: status === "resolved" ? now : null,
    firstResponseAt: concern.firstResponseAt ?? (status !== "new" ? now : null),
  };
}

/** The planner takes the concern: they own it, and a new one is "taken" (its first response). */
export function takeConcern(db: DB, actor: Actor | null, concernId: number, now = new Date()): StaffResult {
  return onConcern(db, actor, concernId, (tx, planner, concern) => {
    const status = concern.status === "new" ? "taken" : concern.status;
    tx.update(concerns)
      .set({ ...moveTo(concern, status, now), ownerId: planner.id })
      .where(eq(concerns.id, concernId))
      .run();
    audit(tx, planner, "concern.take", "concern", concernId, { from: concern.status, to: status });
    return { ok: true } as const;
  });
}

/** A planner gives the concern to another planner or admin (or to themselves): as if that person had taken it. */
export function assignConcern(db: DB, actor: Actor | null, concernId: number, ownerId: string, now = new Date()): StaffResult {
  return onConcern(db, actor, concernId, (tx, planner, concern) => {
    const owner = tx.select({ id: users.id, role: users.role, deactivatedAt: users.deactivatedAt }).from(users).where(eq(users.id, ownerId)).get();
    if (!owner || owner.deactivatedAt || owner.role === "facilitator") return { ok: false, error: "invalid" } as const;
    const status = concern.status === "new" ? "taken" : concern.status;
    tx.update(concerns)
      .set({ ...moveTo(concern, status, now), ownerId: owner.id })
      .where(eq(concerns.id, concernId))
      .run();
    audit(tx, planner, "concern.assign", "concern", concernId, { to: owner.id, from: concern.ownerId ?? "-" });
    return { ok: true } as const;
  });
}

/** What was done about a concern, and its new status, recorded together. Whoever acts on an unowned concern owns it. */
export function recordConcernAction(db: DB, actor: Actor | null, concernId: number, note: string, status: ConcernStatus, now = new Date()): StaffResult {
  return onConcern(db, actor, concernId, (tx, planner, concern) => {
    tx.insert(concernActions).values({ concernId, actorId: planner.id, note, status, at: now }).run();
    tx.update(concerns)
      .set({ ...moveTo(concern, status, now), ownerId: concern.ownerId ?? (status !== "new" ? planner.id : null) })
      .where(eq(concerns.id, concernId))
      .run();
    audit(tx, planner, "concern.action", "concern", concernId, { status });
    if (status !== concern.status) audit(tx, planner, "concern.status", "concern", concernId, { from: concern.status, to: status });
    return { ok: true } as const;
  });
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
