import "server-only";
import type { Reader } from "@/db/client";
import { activeStaffById, isPlanner, type Actor } from "@/lib/auth/staff";

/**
 * The actor as a planner or admin, read again from the database inside the
 * write's own transaction: a role taken away or an account deactivated a
 * moment ago counts, and an Actor object made up by the caller does not.
 */
export function plannerIn(tx: Reader, actor: Actor | null): Actor | null {
  if (!actor) return null;
  const fresh = activeStaffById(tx, actor.id);
  return fresh && isPlanner(fresh) ? fresh : null;
}
