import "server-only";
import { eq, inArray } from "drizzle-orm";
import type { DB, Reader } from "@/db/client";
import { authSessions, placePlanners, places, users, type StaffRole } from "@/db/schema";
import { plannerIn, type Actor } from "@/lib/auth/staff";
import { audit } from "@/lib/privacy/audit";
import type { InviteInput, NoticeInput } from "./schemas";

export type StaffError = "forbidden" | "adminOnly" | "notYourself" | "emailTaken" | "unknownStaff" | "unknownPlace";
export type StaffResult = { ok: true; userId: string } | { ok: false; error: StaffError };

const fail = (error: StaffError) => ({ ok: false, error }) as const;

/** Admins are made and changed by admins only; planners manage facilitators and planners. */
function mayTouchRole(actor: Actor, role: StaffRole): boolean {
  return role !== "admin" || actor.role === "admin";
}

/**
 * Lets an address sign in with the given role. Signing in is by e-mail link,
 * so the invited person simply asks for a link. A deactivated address is
 * brought back.
 */
export function inviteStaff(db: DB, actor: Actor | null, input: InviteInput, now = new Date()): StaffResult {
  return db.transaction(
    (tx) => {
      const planner = plannerIn(tx, actor);
      if (!planner) return fail("forbidden");
      if (!mayTouchRole(planner, input.role)) return fail("adminOnly");
      const existing = tx
        .select({ id: users.id, role: users.role, deactivatedAt: users.deactivatedAt })
        .from(users)
        .where(eq(users.email, input.email))
        .get();
      if (existing && !existing.deactivatedAt) return fail("emailTaken");
      if (existing) {
        if (!mayTouchRole(planner, existing.role)) return fail("adminOnly");
        tx.update(users)
          .set({ name: input.name, role: input.role, locale: input.locale, deactivatedAt: null, invitedBy: planner.id })
          .where(eq(users.id, existing.id))
          .run();
        audit(tx, planner, "staff.reactivate", "user", existing.id, { role: input.role });
        return { ok: true, userId: existing.id } as const;
      }
      const row = tx
        .insert(users)
        .values({ email: input.email, name: input.name, role: input.role, locale: input.locale, invitedBy: planner.id, createdAt: now })
        .returning({ id: users.id })
        .get();
      audit(tx, planner, "staff.invite", "user", row.id, { role: input.role });
      return { ok: true, userId: row.id } as const;
    },
    { behavior: "immediate" },
  );
}

function target(tx: Reader, userId: string) {
  return tx.select({ id: users.id, role: users.role }).from(users).where(eq(users.id, userId)).get() ?? null;
}

/** Nobody changes their own role, so the last admin cannot lock everyone out by mistake. */
export function changeStaffRole(db: DB, actor: Actor | null, userId: string, role: StaffRole): StaffResult {
  return db.transaction(
    (tx) => {
      const planner = plannerIn(tx, actor);
      if (!planner) return fail("forbidden");
      const user = target(tx, userId);
      if (!user) return fail("unknownStaff");
      if (user.id === planner.id) return fail("notYourself");
      if (!mayTouchRole(planner, user.role) || !mayTouchRole(planner, role)) return fail("adminOnly");
      tx.update(users).set({ role }).where(eq(users.id, user.id)).run();
      audit(tx, planner, "staff.role", "user", user.id, { from: user.role, to: role });
      return { ok: true, userId: user.id } as const;
    },
    { behavior: "immediate" },
  );
}

/** Stops someone signing in and signs them out everywhere at once (their sessions are deleted, not left to expire). */
export function deactivateStaff(db: DB, actor: Actor | null, userId: string, now = new Date()): StaffResult {
  return db.transaction(
    (tx) => {
      const planner = plannerIn(tx, actor);
      if (!planner) return fail("forbidden");
      const user = target(tx, userId);
      if (!user) return fail("unknownStaff");
      if (user.id === planner.id) return fail("notYourself");
      if (!mayTouchRole(planner, user.role)) return fail("adminOnly");
      // The mobile number was only for concern notices: it goes with the account.
      tx.update(users).set({ deactivatedAt: now, phone: null }).where(eq(users.id, user.id)).run();
      tx.delete(authSessions).where(eq(authSessions.userId, user.id)).run();
      audit(tx, planner, "staff.deactivate", "user", user.id);
      return { ok: true, userId: user.id } as const;
    },
    { behavior: "immediate" },
  );
}

/**
 * A planner's or admin's notice settings: their mobile number and the places
 * they are responsible for. Anyone may set their own; others only as their
 * role allows (an admin's by an admin). Facilitators get no concern notices.
 */
export function setNoticeSettings(db: DB, actor: Actor | null, input: NoticeInput): StaffResult {
  return db.transaction(
    (tx) => {
      const planner = plannerIn(tx, actor);
      if (!planner) return fail("forbidden");
      const user = target(tx, input.userId);
      if (!user || user.role === "facilitator") return fail("unknownStaff");
      if (user.id !== planner.id && !mayTouchRole(planner, user.role)) return fail("adminOnly");
      const known = input.places.length
        ? tx.select({ id: places.id }).from(places).where(inArray(places.id, input.places)).all().map((p) => p.id)
        : [];
      if (known.length !== new Set(input.places).size) return fail("unknownPlace");
      tx.update(users).set({ phone: input.phone }).where(eq(users.id, user.id)).run();
      tx.delete(placePlanners).where(eq(placePlanners.userId, user.id)).run();
      for (const placeId of known) tx.insert(placePlanners).values({ placeId, userId: user.id }).run();
      audit(tx, planner, "staff.notice", "user", user.id, { phone: input.phone ? "yes" : "no", places: known.join(",") || "-" });
      return { ok: true, userId: user.id } as const;
    },
    { behavior: "immediate" },
  );
}
