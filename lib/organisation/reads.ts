import "server-only";
import { and, count, eq, isNotNull, isNull } from "drizzle-orm";
import type { DB } from "@/db/client";
import { organisation as organisationTable, places, users } from "@/db/schema";
import { config } from "@/lib/config";
import type { Locale } from "@/lib/i18n/locales";

export type Organisation = {
  /** Null in production until an admin saves it or ORGANISATION_NAME is set: never a made-up name. */
  name: string | null;
  contact: string | null;
  /** The organisation's own words on its independence from the authorities, per language; undefined: the app's default text. */
  statement: Partial<Record<Locale, string>>;
  /** False until an admin has saved the organisation's details (the configuration's values stand in). */
  saved: boolean;
};

/** Who runs this Kohtaamo: as the admin saved it, or the configuration's values until then (the demo's only in demo mode: lib/env.mjs). */
export function organisation(db: Pick<DB, "select">): Organisation {
  const c = config();
  const row = db.select().from(organisationTable).where(eq(organisationTable.id, 1)).get();
  return {
    name: row?.name ?? c.ORGANISATION_NAME ?? null,
    contact: row?.contact ?? c.ORGANISATION_CONTACT ?? null,
    statement: { fi: c.ORGANISATION_STATEMENT_FI, sv: c.ORGANISATION_STATEMENT_SV, en: c.ORGANISATION_STATEMENT_EN },
    saved: Boolean(row),
  };
}

/**
 * Whether parents' pages show the service: once it is known who runs it (saved, or configured) and one
 * meeting place in a county exists, so every page can name the organisation and the county's ombudsman.
 * Until then they show the "opening soon" page (components/OpeningSoon.tsx); staff pages always work.
 */
export function publicSiteOpen(db: Pick<DB, "select">): boolean {
  const org = organisation(db);
  if (!org.name || !org.contact) return false;
  return Boolean(
    db
      .select({ id: places.id })
      .from(places)
      .where(and(isNull(places.archivedAt), isNotNull(places.countyId)))
      .limit(1)
      .get(),
  );
}

export type FirstRun = { organisationSaved: boolean; hasPlace: boolean; colleagues: number; done: boolean };

/** How far a new service has come on its first day: its details, a meeting place, colleagues invited. */
/** Whether any meeting place exists: a service's first day is done once one does. One indexed look-up. */
export function hasPlace(db: Pick<DB, "select">): boolean {
  return Boolean(db.select({ id: places.id }).from(places).limit(1).get());
}

export function firstRun(db: Pick<DB, "select">): FirstRun {
  const organisationSaved = organisation(db).saved;
  const placeExists = hasPlace(db);
  const colleagues = Math.max(0, (db.select({ n: count() }).from(users).get()?.n ?? 0) - 1);
  return { organisationSaved, hasPlace: placeExists, colleagues, done: placeExists };
}
