import "server-only";
import { and, eq, gt } from "drizzle-orm";
import type { DB, Reader } from "@/db/client";
import { counties, places, sessions } from "@/db/schema";
import { plannerIn, type Actor } from "@/lib/auth/staff";
import type { PlaceInput } from "./schemas";

export type PlaceError = "forbidden" | "unknownPlace" | "placeHasSessions" | "unknownCounty";

const countyExists = (tx: Reader, id: number) => Boolean(tx.select({ id: counties.id }).from(counties).where(eq(counties.id, id)).get());
export type PlaceResult = { ok: true; id: number; slug: string } | { ok: false; error: PlaceError };

/** "Kohtaamo Järvenpää" → "jarvenpaa": short, readable in a link, with the app's own name left out. */
export function slugify(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .replace(/^kohtaamo-(?=.)/, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return slug || "paikka";
}

function freeSlug(tx: Reader, name: string): string {
  const base = slugify(name);
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!tx.select({ id: places.id }).from(places).where(eq(places.slug, candidate)).get()) return candidate;
  }
}

export function createPlace(db: DB, actor: Actor | null, input: PlaceInput): PlaceResult {
  return db.transaction(
    (tx) => {
      if (!plannerIn(tx, actor)) return { ok: false, error: "forbidden" } as const;
      if (!countyExists(tx, input.countyId)) return { ok: false, error: "unknownCounty" } as const;
      const row = tx
        .insert(places)
        .values({ ...input, slug: freeSlug(tx, input.name) })
        .returning({ id: places.id, slug: places.slug })
        .get();
      return { ok: true, ...row } as const;
    },
    { behavior: "immediate" },
  );
}

/** The slug stays as it was: links parents saved keep working after a rename. */
export function updatePlace(db: DB, actor: Actor | null, placeId: number, input: PlaceInput): PlaceResult {
  return db.transaction(
    (tx) => {
      if (!plannerIn(tx, actor)) return { ok: false, error: "forbidden" } as const;
      if (!countyExists(tx, input.countyId)) return { ok: false, error: "unknownCounty" } as const;
      const row = tx.update(places).set(input).where(eq(places.id, placeId)).returning({ id: places.id, slug: places.slug }).get();
      return row ? ({ ok: true, ...row } as const) : ({ ok: false, error: "unknownPlace" } as const);
    },
    { behavior: "immediate" },
  );
}

/**
 * Hides a place from parents and from new sessions. A place with sessions
 * still to come is refused: their bookers would lose them without a word.
 */
export function archivePlace(db: DB, actor: Actor | null, placeId: number, now = new Date()): PlaceResult {
  return db.transaction(
    (tx) => {
      if (!plannerIn(tx, actor)) return { ok: false, error: "forbidden" } as const;
      const place = tx.select({ id: places.id, slug: places.slug }).from(places).where(eq(places.id, placeId)).get();
      if (!place) return { ok: false, error: "unknownPlace" } as const;
      const coming = tx
        .select({ id: sessions.id })
        .from(sessions)
        .where(and(eq(sessions.placeId, placeId), eq(sessions.status, "scheduled"), gt(sessions.endsAt, now)))
        .get();
      if (coming) return { ok: false, error: "placeHasSessions" } as const;
      tx.update(places).set({ archivedAt: now }).where(eq(places.id, placeId)).run();
      return { ok: true, ...place } as const;
    },
    { behavior: "immediate" },
  );
}

export function restorePlace(db: DB, actor: Actor | null, placeId: number): PlaceResult {
  return db.transaction(
    (tx) => {
      if (!plannerIn(tx, actor)) return { ok: false, error: "forbidden" } as const;
      const row = tx.update(places).set({ archivedAt: null }).where(eq(places.id, placeId)).returning({ id: places.id, slug: places.slug }).get();
      return row ? ({ ok: true, ...row } as const) : ({ ok: false, error: "unknownPlace" } as const);
    },
    { behavior: "immediate" },
  );
}
