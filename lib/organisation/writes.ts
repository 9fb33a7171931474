import "server-only";
import type { DB } from "@/db/client";
import { organisation } from "@/db/schema";
import { activeStaffById, type Actor } from "@/lib/auth/staff";
import type { OrganisationInput } from "./schemas";

export type OrganisationResult = { ok: true } | { ok: false; error: "organisationAdminOnly" };

/**
 * Saves who runs the service. An admin's decision: the name and contact are
 * what parents read on the privacy page and after raising a concern. (The
 * ombudsman is each county's: lib/counties.)
 */
export function saveOrganisation(db: DB, actor: Actor | null, input: OrganisationInput, now = new Date()): OrganisationResult {
  return db.transaction(
    (tx) => {
      const fresh = actor ? activeStaffById(tx, actor.id) : null;
      if (fresh?.role !== "admin") return { ok: false, error: "organisationAdminOnly" } as const;
      const values = {
        name: input.name,
        contact: input.contact,
        updatedBy: fresh.id,
        updatedAt: now,
      };
      tx.insert(organisation)
        .values({ id: 1, ...values })
        .onConflictDoUpdate({ target: organisation.id, set: values })
        .run();
      return { ok: true } as const;
    },
    { behavior: "immediate" },
  );
}
