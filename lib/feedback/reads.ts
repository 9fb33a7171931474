import "server-only";
import { and, count, desc, eq, gte, inArray, isNotNull, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { alias, type SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { DB, Reader } from "@/db/client";
import { concernActions, concernHandovers, concerns, feedbackLinks, feedbackResponses, places, sessions, users, youSaidWeDid, type SessionKind } from "@/db/schema";
import { assignedTo, isPlanner, plannerIn, type Actor } from "@/lib/auth/staff";
import { audit } from "@/lib/privacy/audit";
import { overdueSql } from "./concern-clock";

/** Published "you said, we did" entries: all of them, or one place's together with the whole service's. */
export type LinkLookup = { ok: true; sessionId: number } | { ok: false; reason: "invalid" | "expired" };

export function feedbackLink(tx: Reader, key: string, now: Date): LinkLookup {
  if (!/^[A-Za-z0-9_-]{12}$/.test(key)) return { ok: false, reason: "invalid" };
  const link = tx.select().from(feedbackLinks).where(eq(feedbackLinks.key, key)).get();
  if (!link) return { ok: false, reason: "invalid" };
  if (link.expiresAt.getTime() < now.getTime()) return { ok: false, reason: "expired" };
  return { ok: true, sessionId: link.sessionId };
}

/** The parent's feedback page: why the link does not work, or the session it asks about. */
export function feedbackPage(tx: Reader, key: string, now: Date) {
  const link = feedbackLink(tx, key, now);
  if (!link.ok) return link;
  const session = tx
    .select({ id: sessions.id, title: sessions.title, startsAt: sessions.startsAt, place: { name: places.name, city: places.city, nameSv: places.nameSv } })
    .from(sessions)
    .innerJoin(places, eq(places.id, sessions.placeId))
    .where(eq(sessions.id, link.sessionId))
    .get()!;
  return { ok: true, session } as const;
}

export function publishedEntries(tx: Reader, placeId?: number) {
  const where: SQL[] = [isNotNull(youSaidWeDid.publishedAt)];
  if (placeId !== undefined) where.push(or(eq(youSaidWeDid.placeId, placeId), isNull(youSaidWeDid.placeId))!);
  return tx
    .select({ id: youSaidWeDid.id, said: youSaidWeDid.said, did: youSaidWeDid.did, publishedAt: youSaidWeDid.publishedAt, place: places.name, placeSv: places.nameSv })
    .from(youSaidWeDid)
    .leftJoin(places, eq(places.id, youSaidWeDid.placeId))
    .where(and(...where))
    .orderBy(desc(youSaidWeDid.publishedAt), desc(youSaidWeDid.id))
    .all();
}

export type FeedbackFilter = { from?: Date; to?: Date; placeSlug?: string; kind?: SessionKind };

export function filterConditions(f: FeedbackFilter): SQL[] {
  const c: SQL[] = [];
  if (f.from) c.push(gte(sessions.startsAt, f.from));
  if (f.to) c.push(lt(sessions.startsAt, f.to));
  if (f.placeSlug) c.push(eq(places.slug, f.placeSlug));
  if (f.kind) c.push(eq(sessions.kind, f.kind));
  return c;
}

/**
 * Answers about sessions: for a facilitator only the sessions they run, for a
 * planner all. Never the concerns: those live apart and only planners see them.
 */
export function responses(tx: Reader, actor: Actor, f: FeedbackFilter = {}, onlyComments = false) {
  const where = filterConditions(f);
  if (!isPlanner(actor)) {
    where.push(assignedTo(tx, actor.id));
  }
  if (onlyComments) where.push(isNotNull(feedbackResponses.comment));
  return responseQuery(tx, where);
}

function responseQuery(tx: Reader, where: SQL[]) {
  return tx
    .select({
      id: feedbackResponses.id,
      rating: feedbackResponses.rating,
      gotInformation: feedbackResponses.gotInformation,
      lessAlone: feedbackResponses.lessAlone,
      wouldReturn: feedbackResponses.wouldReturn,
      comment: feedbackResponses.comment,
      handledAt: feedbackResponses.handledAt,
      createdAt: feedbackResponses.createdAt,
      session: { id: sessions.id, title: sessions.title, startsAt: sessions.startsAt, kind: sessions.kind },
      place: places.name,
    })
    .from(feedbackResponses)
    .innerJoin(sessions, eq(sessions.id, feedbackResponses.sessionId))
    .innerJoin(places, eq(places.id, sessions.placeId))
    .where(and(...where))
    .orderBy(desc(feedbackResponses.createdAt), desc(feedbackResponses.id))
    .limit(200)
    .all();
}

/** Below this many answers about one session, a facilitator sees its totals only. */
export const MIN_ANSWERS_FOR_DETAIL = 5;

const yes = (column: SQLiteColumn) => sql<number>`coalesce(sum(${column} = 'yes'), 0)`;
const ratingCount = (n: number) => sql<number>`coalesce(sum(${feedbackResponses.rating} = ${n}), 0)`;

/**
 * The answers about the sessions the facilitator ran, session by session. In a
 * session with two visitors, one answer and its comment point at a person, so
 * a session with fewer than MIN_ANSWERS_FOR_DETAIL answers shows its totals
 * only (how many, the faces, the yes answers); individual answers and comments
 * are read only where there are enough of them to hide among.
 */
export function hostFeedback(tx: Reader, actor: Actor) {
  const totals = tx
    .select({
      session: { id: sessions.id, title: sessions.title, startsAt: sessions.startsAt },
      place: places.name,
      answers: count(),
      rating1: ratingCount(1),
      rating2: ratingCount(2),
      rating3: ratingCount(3),
      rating4: ratingCount(4),
      gotInformation: yes(feedbackResponses.gotInformation),
      lessAlone: yes(feedbackResponses.lessAlone),
      wouldReturn: yes(feedbackResponses.wouldReturn),
    })
    .from(feedbackResponses)
    .innerJoin(sessions, eq(sessions.id, feedbackResponses.sessionId))
    .innerJoin(places, eq(places.id, sessions.placeId))
    .where(assignedTo(tx, actor.id))
    .groupBy(sessions.id)
    .orderBy(desc(sessions.startsAt))
    .limit(50)
    .all();
  const detailed = totals.filter((t) => t.answers >= MIN_ANSWERS_FOR_DETAIL).map((t) => t.session.id);
  const rows = detailed.length ? responsesOf(tx, detailed) : [];
  return totals.map((t) => ({ ...t, responses: t.answers >= MIN_ANSWERS_FOR_DETAIL ? rows.filter((r) => r.session.id === t.session.id) : null }));
}

function responsesOf(tx: Reader, sessionIds: number[]) {
  return responseQuery(tx, [inArray(feedbackResponses.sessionId, sessionIds)]);
}

const owners = alias(users, "owner");

/**
 * The concerns queue: overdue first, then the other open ones, newest first,
 * the resolved last. For planners only (null for anyone else). Its texts are
 * about how people were treated, so the look is logged here, where they are read.
 */
export function concernQueue(db: DB, actor: Actor | null, now = new Date()) {
  const planner = plannerIn(db, actor);
  if (!planner) return null;
  const overdue = overdueSql(now);
  const queue = db
    .select({
      id: concerns.id,
      status: concerns.status,
      text: concerns.text,
      hasContact: sql<boolean>`${concerns.contact} IS NOT NULL`,
      createdAt: concerns.createdAt,
      dueAt: concerns.dueAt,
      overdue: sql<number>`${overdue}`,
      owner: sql<string | null>`coalesce(${owners.name}, ${owners.email})`,
      place: places.name,
    })
    .from(concerns)
    .leftJoin(sessions, eq(sessions.id, concerns.sessionId))
    .leftJoin(places, eq(places.id, sessions.placeId))
    .leftJoin(owners, eq(owners.id, concerns.ownerId))
    .orderBy(desc(overdue), sql`${concerns.status} = 'resolved'`, desc(concerns.createdAt), desc(concerns.id))
    .limit(200)
    .all()
    .map((c) => ({ ...c, hasContact: Boolean(c.hasContact), overdue: Boolean(c.overdue) }));
  audit(db, planner, "concern.list", "concerns", queue.length);
  return queue;
}

/** How many concerns are overdue: a count only (no text is read), for the planners' front page. */
export function overdueConcernCount(db: Reader, actor: Actor | null, now = new Date()): number {
  if (!plannerIn(db, actor)) return 0;
  return db.select({ n: count() }).from(concerns).where(overdueSql(now)).get()?.n ?? 0;
}

/** One concern with what was done about it, for planners only; each look is logged, contact details or not. */
export function concernDetail(db: DB, actor: Actor | null, id: number) {
  const planner = plannerIn(db, actor);
  if (!planner) return null;
  const concern = db
    .select({
      id: concerns.id,
      status: concerns.status,
      text: concerns.text,
      contact: concerns.contact,
      createdAt: concerns.createdAt,
      dueAt: concerns.dueAt,
      firstResponseAt: concerns.firstResponseAt,
      ownerId: concerns.ownerId,
      owner: sql<string | null>`coalesce(${owners.name}, ${owners.email})`,
      overdue: sql<number>`${overdueSql(new Date())}`,
      session: { title: sessions.title, startsAt: sessions.startsAt },
      place: places.name,
    })
    .from(concerns)
    .leftJoin(sessions, eq(sessions.id, concerns.sessionId))
    .leftJoin(places, eq(places.id, sessions.placeId))
    .leftJoin(owners, eq(owners.id, concerns.ownerId))
    .where(eq(concerns.id, id))
    .get();
  if (!concern) return null;
  audit(db, planner, "concern.view", "concern", concern.id, { contact: concern.contact ? "yes" : "no" });
  const actions = db
    .select({ id: concernActions.id, note: concernActions.note, status: concernActions.status, at: concernActions.at, by: users.name, email: users.email })
    .from(concernActions)
    .innerJoin(users, eq(users.id, concernActions.actorId))
    .where(eq(concernActions.concernId, id))
    .orderBy(concernActions.at, concernActions.id)
    .all();
  return { ...concern, overdue: Boolean(concern.overdue), actions };
}

/**
 * What the figures of concern handling are made of: the concerns received in
 * the period (by their day of receipt; the page's place and kind filters do
 * not apply, a concern need not name a session). Planners only; no text, no contact.
 */
export function concernClockRows(db: Reader, actor: Actor | null, f: FeedbackFilter) {
  if (!plannerIn(db, actor)) return null;
  const where: SQL[] = [];
  if (f.from) where.push(gte(concerns.createdAt, f.from));
  if (f.to) where.push(lt(concerns.createdAt, f.to));
  return db
    .select({
      createdAt: concerns.createdAt,
      dueAt: concerns.dueAt,
      firstResponseAt: concerns.firstResponseAt,
      // Qualified by hand: drizzle writes a lone table's columns unqualified, which inside the subquery would mean h.id.
      handedOver: sql<number>`exists (SELECT 1 FROM ${concernHandovers} h WHERE h.concern_id = "concerns"."id")`.mapWith(Boolean),
    })
    .from(concerns)
    .where(and(...where))
    .all();
}
