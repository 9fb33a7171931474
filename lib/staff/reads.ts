import "server-only";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Reader } from "@/db/client";
import { placePlanners, users } from "@/db/schema";

/** Everyone who has been invited, active first, for the planners' staff page. */
export function listStaff(tx: Reader) {
  const rows = tx
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, locale: users.locale, phone: users.phone, deactivatedAt: users.deactivatedAt })
    .from(users)
    .orderBy(asc(users.name), asc(users.email))
    .all();
  return [...rows.filter((r) => !r.deactivatedAt), ...rows.filter((r) => r.deactivatedAt)];
}

/** Who can be assigned to run a session: active staff of any role. */
export function assignableStaff(tx: Reader) {
  return tx
    .select({ id: users.id, name: users.name, email: users.email, role: users.role })
    .from(users)
    .where(isNull(users.deactivatedAt))
    .orderBy(asc(users.name), asc(users.email))
    .all();
}

/** Someone who gets the concern notice: their address, language and (if they gave one) mobile number. */
export type NoticeRecipient = { id: string; email: string; locale: "fi" | "sv" | "en"; phone: string | null };

function activePlanners(tx: Reader) {
  return tx
    .select({ id: users.id, email: users.email, locale: users.locale, phone: users.phone })
    .from(users)
    .where(and(isNull(users.deactivatedAt), inArray(users.role, ["planner", "admin"])))
    .orderBy(asc(users.email))
    .all()
    .filter((u): u is NoticeRecipient => u.email !== null);
}

/**
 * Who is told of a new concern at a place: the active planners and admins set
 * responsible for it; when nobody (still active) is, or the concern has no
 * place, every planner and admin, so a concern never reaches nobody.
 */
export function concernRecipients(tx: Reader, placeId: number | null): NoticeRecipient[] {
  const all = activePlanners(tx);
  if (placeId === null) return all;
  const responsible = new Set(
    tx
      .select({ userId: placePlanners.userId })
      .from(placePlanners)
      .where(eq(placePlanners.placeId, placeId))
      .all()
      .map((r) => r.userId),
  );
  const set = all.filter((u) => responsible.has(u.id));
  return set.length > 0 ? set : all;
}

/** Every active planner and admin: told again of a concern that is overdue. */
export const everyPlanner = (tx: Reader): NoticeRecipient[] => activePlanners(tx);

/** The places each person is responsible for, as place ids by user id, for the staff page. */
export function responsibilities(tx: Reader): Map<string, number[]> {
  const map = new Map<string, number[]>();
  for (const r of tx.select().from(placePlanners).all()) map.set(r.userId, [...(map.get(r.userId) ?? []), r.placeId]);
  return map;
}
