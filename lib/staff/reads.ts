import "server-only";
import { asc, isNull } from "drizzle-orm";
import type { Reader } from "@/db/client";
import { users } from "@/db/schema";

/** Everyone who has been invited, active first, for the planners' staff page. */
export function listStaff(tx: Reader) {
  const rows = tx
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, locale: users.locale, deactivatedAt: users.deactivatedAt })
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
