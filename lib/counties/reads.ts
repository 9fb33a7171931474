import "server-only";
import { asc, count, eq } from "drizzle-orm";
import type { Reader } from "@/db/client";
import { counties, places, sessions, type Localized } from "@/db/schema";
import type { Locale } from "@/lib/i18n/locales";

export type County = typeof counties.$inferSelect;

/** Every county, by its Finnish name: for the counties page, the place form and the reach filter. */
export function listCounties(tx: Reader): County[] {
  return tx.select().from(counties).orderBy(asc(counties.name)).all().sort((a, b) => a.name.fi.localeCompare(b.name.fi, "fi"));
}

export function countyById(tx: Reader, id: number): County | null {
  return tx.select().from(counties).where(eq(counties.id, id)).get() ?? null;
}

/** The county of a session's meeting place: whose routes its parents are shown. */
export function countyOfSession(tx: Reader, sessionId: number): County | null {
  const row = tx
    .select({ county: counties })
    .from(sessions)
    .innerJoin(places, eq(places.id, sessions.placeId))
    .innerJoin(counties, eq(counties.id, places.countyId))
    .where(eq(sessions.id, sessionId))
    .get();
  return row?.county ?? null;
}

/**
 * What a parent with a concern is shown of their county: its name, its
 * emergency social services number, and its social welfare ombudsman. A field
 * the county has not set is null, and the page leaves its line out: a parent
 * is never shown a number nobody entered.
 */
export type ParentRoutes = {
  countyName: string;
  emergencyPhone: string | null;
  ombudsman: { name: string | null; phone: string | null; email: string | null; url: string | null } | null;
};

export function parentRoutes(county: County | null, locale: Locale): ParentRoutes | null {
  if (!county) return null;
  const o = { name: county.ombudsmanName, phone: county.ombudsmanPhone, email: county.ombudsmanEmail, url: county.ombudsmanUrl };
  const hasOmbudsman = Boolean(o.phone || o.email || o.url);
  return { countyName: county.name[locale], emergencyPhone: county.emergencyPhone, ombudsman: hasOmbudsman ? o : null };
}

/** What the planners' pages ask for: the fields a parent or a hand-over needs that the county has not set. */
export function missingFields(county: County): ("ombudsman" | "emergencyPhone" | "clientSafetyEmail")[] {
  const missing: ("ombudsman" | "emergencyPhone" | "clientSafetyEmail")[] = [];
  if (!county.ombudsmanPhone && !county.ombudsmanEmail && !county.ombudsmanUrl) missing.push("ombudsman");
  if (!county.emergencyPhone) missing.push("emergencyPhone");
  if (!county.clientSafetyEmail) missing.push("clientSafetyEmail");
  return missing;
}

/** How many places (archived ones too) each county has. */
export function placeCounts(tx: Reader): Map<number, number> {
  const rows = tx.select({ countyId: places.countyId, n: count() }).from(places).groupBy(places.countyId).all();
  return new Map(rows.filter((r) => r.countyId !== null).map((r) => [r.countyId!, r.n]));
}

/** A county as the form's typed values. */
export function countyValues(c: County): Record<string, string> {
  return {
    nameFi: c.name.fi,
    nameSv: c.name.sv,
    nameEn: c.name.en,
    ombudsmanName: c.ombudsmanName ?? "",
    ombudsmanPhone: c.ombudsmanPhone ?? "",
    ombudsmanEmail: c.ombudsmanEmail ?? "",
    ombudsmanUrl: c.ombudsmanUrl ?? "",
    emergencyPhone: c.emergencyPhone ?? "",
    clientSafetyName: c.clientSafetyName ?? "",
    clientSafetyEmail: c.clientSafetyEmail ?? "",
  };
}

/** The county select's options, named in the reader's language. */
export const countyOptions = (list: County[], locale: Locale) => list.map((c) => ({ value: String(c.id), label: countyName(c.name, locale) }));

export const countyName = (name: Localized, locale: Locale): string => name[locale] || name.fi;
