import "server-only";
import type { DB } from "@/db/client";
import { auditLog } from "@/db/schema";
import type { Actor } from "@/lib/auth/staff";

/** Staff looked at personal data (a roster's nicknames and needs, a concern's contact): who, what, when. */
export function audit(db: Pick<DB, "insert">, actor: Actor, action: string, subjectType: string, subjectId: string | number): void {
  db.insert(auditLog).values({ actorId: actor.id, action, subjectType, subjectId: String(subjectId) }).run();
}
