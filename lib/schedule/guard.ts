import "server-only";
import type { DB } from "@/db/client";
import { activeStaffById, isPlanner, type Actor } from "@/lib/auth/staff";

export type Tx = Parameters<Parameters<DB["transaction"]>[0]>[0];

/**
 * The actor as a planner or admin, read again from the database inside the
 * write's own transaction: a role taken away or an account deactivated a
 * moment ago counts, and an Actor object made up by the caller does not.
 */
export function plannerIn(tx: Pick<DB, "select">, actor: Actor | null): Actor | null {
  if (!actor) return null;
  const fresh = activeStaffById(tx, actor.id);
  return fresh && isPlanner(fresh) ? fresh : null;
}
