import "server-only";
import { and, eq } from "drizzle-orm";
import type { DB } from "@/db/client";
import { sessionFacilitators, sessions } from "@/db/schema";
import { plannerIn, type Actor } from "@/lib/auth/staff";
import type { AdjustHoursInput } from "./schemas";

export type AdjustResult = { ok: true } | { ok: false; error: "forbidden" | "notAssigned" | "notHeld" };

/**
 * Records a facilitator's own hours for a session that ran long (or short).
 * A planner's decision, for a session already held; the same as the
 * scheduled length clears the record.
 */
export function adjustHours(db: DB, actor: Actor | null, input: AdjustHoursInput, now = new Date()): AdjustResult {
  return db.transaction(
    (tx) => {
      if (!plannerIn(tx, actor)) return { ok: false, error: "forbidden" } as const;
      const row = tx
        .select({ startsAt: sessions.startsAt, endsAt: sessions.endsAt, status: sessions.status })
        .from(sessionFacilitators)
        .innerJoin(sessions, eq(sessions.id, sessionFacilitators.sessionId))
        .where(and(eq(sessionFacilitators.sessionId, input.sessionId), eq(sessionFacilitators.userId, input.userId)))
        .get();
      if (!row) return { ok: false, error: "notAssigned" } as const;
      if (row.status !== "scheduled" || row.startsAt.getTime() > now.getTime()) return { ok: false, error: "notHeld" } as const;
      const scheduled = Math.round((row.endsAt.getTime() - row.startsAt.getTime()) / 60_000);
      tx.update(sessionFacilitators)
        .set({ minutes: input.hours === scheduled ? null : input.hours })
        .where(and(eq(sessionFacilitators.sessionId, input.sessionId), eq(sessionFacilitators.userId, input.userId)))
        .run();
      return { ok: true } as const;
    },
    { behavior: "immediate" },
  );
}
