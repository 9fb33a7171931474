import "server-only";
import { and, eq, exists, isNull, sql } from "drizzle-orm";
import type { DB, Reader } from "@/db/client";
import { sessionFacilitators, sessions, users, verificationTokens, type StaffRole } from "@/db/schema";
import { dropPendingMailTo } from "@/lib/mail/outbox";

/** A signed-in, active member of staff, as read from the database (never from the cookie alone). */
export type Actor = { id: string; email: string; name: string | null; role: StaffRole };

export function activeStaffById(db: Reader, id: string): Actor | null {
  const row = db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role })
    .from(users)
    .where(and(eq(users.id, id), isNull(users.deactivatedAt)))
    .get();
  return row && row.email ? { ...row, email: row.email } : null;
}

export function activeStaffByEmail(db: Reader, email: string) {
  return (
    db
      .select({ id: users.id, locale: users.locale, invitedBy: users.invitedBy, role: users.role })
      .from(users)
      .where(and(eq(users.email, email.trim().toLowerCase()), isNull(users.deactivatedAt)))
      .get() ?? null
  );
}

export const isPlanner = (actor: Actor | null): boolean => actor?.role === "planner" || actor?.role === "admin";

/**
 * The gate of every planners' write and read: the actor as a planner or
 * admin, read again from the database (inside the write's own transaction
 * where there is one). A role taken away or an account deactivated a moment
 * ago counts, and an Actor object made up by the caller does not.
 */
export function plannerIn(tx: Reader, actor: Actor | null): Actor | null {
  if (!actor) return null;
  const fresh = activeStaffById(tx, actor.id);
  return fresh && isPlanner(fresh) ? fresh : null;
}

/** The sessions a facilitator is assigned to, as a condition on a query that has `sessions` in it. */
export function assignedTo(tx: Reader, userId: string) {
  return exists(
    tx
      .select({ one: sql`1` })
      .from(sessionFacilitators)
      .where(and(eq(sessionFacilitators.sessionId, sessions.id), eq(sessionFacilitators.userId, userId))),
  );
}

/** Planners and admins run any session; a facilitator only the sessions they are assigned to. */
export function canRunSession(db: Reader, actor: Actor | null, sessionId: number): actor is Actor {
  if (!actor) return false;
  if (isPlanner(actor)) return true;
  return Boolean(
    db
      .select({ s: sessionFacilitators.sessionId })
      .from(sessionFacilitators)
      .where(and(eq(sessionFacilitators.sessionId, sessionId), eq(sessionFacilitators.userId, actor.id)))
      .get(),
  );
}

/** Makes every sign-in link sent to this address so far useless: the tokens go, and links not yet sent are never sent. */
export function forgetEarlierLinks(db: DB, email: string, now = new Date()): void {
  db.transaction((tx) => {
    tx.delete(verificationTokens).where(eq(verificationTokens.identifier, email)).run();
    dropPendingMailTo(tx, "staff_sign_in", email, now);
  });
}
