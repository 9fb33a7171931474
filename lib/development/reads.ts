import "server-only";
import { and, asc, eq, gt, isNotNull } from "drizzle-orm";
import type { DB, Reader } from "@/db/client";
import { developmentClients, panelInvitations, sessions } from "@/db/schema";
import { plannerIn, type Actor } from "@/lib/auth/staff";
import { hashToken, looksLikeToken } from "@/lib/booking/token";
import { audit } from "@/lib/privacy/audit";

/** The last day details are kept, for the texts that say "until": deleteAfter is the midnight that ends it. */
export const lastDayKept = (deleteAfter: Date): Date => new Date(deleteAfter.getTime() - 1);

/**
 * The development clients who confirmed their offer, for planners only;
 * reading the list is a look at personal data, so every view is audited, here
 * where the rows are read.
 */
export function developmentList(db: DB, actor: Actor | null, now = new Date()) {
  const planner = plannerIn(db, actor);
  if (!planner) return null;
  const people = db
    .select({ id: developmentClients.id, email: developmentClients.email, languages: developmentClients.languages, consentedOn: developmentClients.consentedOn, deleteAfter: developmentClients.deleteAfter })
    .from(developmentClients)
    .where(and(isNotNull(developmentClients.confirmedOn), gt(developmentClients.deleteAfter, now)))
    .orderBy(asc(developmentClients.email))
    .all();
  const invited = db.select({ clientId: panelInvitations.clientId, sessionId: panelInvitations.sessionId }).from(panelInvitations).all();
  audit(db, planner, "development.list", "development_clients", people.length);
  return people.map((p) => ({ ...p, invitedTo: invited.filter((i) => i.clientId === p.id).map((i) => i.sessionId) }));
}

/** Coming panel meetings: sessions of kind "codevelopment". */
export function comingPanels(tx: Reader, now = new Date()) {
  return tx
    .select({ id: sessions.id, title: sessions.title, startsAt: sessions.startsAt })
    .from(sessions)
    .where(and(eq(sessions.kind, "codevelopment"), eq(sessions.status, "scheduled"), gt(sessions.startsAt, now)))
    .orderBy(asc(sessions.startsAt))
    .all();
}

/** The offer a confirmation or renewal link opens, while it is kept; null for a wrong or spent link. */
export function clientByToken(tx: Reader, token: string, now: Date) {
  if (!looksLikeToken(token)) return null;
  return (
    tx
      .select()
      .from(developmentClients)
      .where(and(eq(developmentClients.tokenHash, hashToken(token)), gt(developmentClients.deleteAfter, now)))
      .get() ?? null
  );
}

/** What the link's page shows: whether the offer waits for confirmation, and until when the details are kept. */
export function offerByToken(tx: Reader, token: string, now = new Date()): { confirmed: boolean; deleteAfter: Date } | null {
  const row = clientByToken(tx, token, now);
  return row ? { confirmed: row.confirmedOn !== null, deleteAfter: row.deleteAfter } : null;
}
