import "server-only";
import { eq } from "drizzle-orm";
import type { DB, Tx } from "@/db/client";
import { counties } from "@/db/schema";
import { plannerIn, type Actor } from "@/lib/auth/staff";
import { audit } from "@/lib/privacy/audit";
import type { CountyInput } from "./schemas";

export type CountyResult = { ok: true; id: number } | { ok: false; error: "forbidden" | "unknownCounty" };

/** Adds a county inside the caller's transaction (the first-run page makes one with its first place). */
export function insertCounty(tx: Tx, actor: Actor, input: CountyInput, now: Date): number {
  const row = tx.insert(counties).values({ ...input, updatedAt: now }).returning({ id: counties.id }).get();
  audit(tx, actor, "county.create", "county", row.id);
  return row.id;
}

/** Planners and admins keep the counties: their names, ombudsmen, emergency numbers and client-safety contacts. Each change is audited. */
export function saveCounty(db: DB, actor: Actor | null, countyId: number | null, input: CountyInput, now = new Date()): CountyResult {
  return db.transaction(
    (tx) => {
      const planner = plannerIn(tx, actor);
      if (!planner) return { ok: false, error: "forbidden" } as const;
      if (countyId === null) return { ok: true, id: insertCounty(tx, planner, input, now) } as const;
      const before = tx.select().from(counties).where(eq(counties.id, countyId)).get();
      if (!before) return { ok: false, error: "unknownCounty" } as const;
      tx.update(counties).set({ ...input, updatedAt: now }).where(eq(counties.id, countyId)).run();
      // Which fields changed, not their values: the log says who changed what, the page holds the rest.
      const changed = (Object.keys(input) as (keyof CountyInput)[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(input[k]));
      audit(tx, planner, "county.update", "county", countyId, { fields: changed.join(",") || "-" });
      return { ok: true, id: countyId } as const;
    },
    { behavior: "immediate" },
  );
}
