import "server-only";
import type { Reader } from "@/db/client";
import { publicUrl } from "@/lib/config";
import { addressLine, placeIn } from "@/lib/i18n/place-names";
import { formatLocales, locales, type Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { forParents } from "./audience";
import { placeForEdit } from "./plan-reads";
import { listSessions } from "./reads";

/*
 * A place's service description for the Suomi.fi service catalogue (PTV),
 * ready to paste: social workers and family centres find services there and
 * in what is built from it (the online family centre, the county's pages).
 * PTV keeps each text field within a length; each field says its limit.
 */

/** PTV's limits for the fields we fill (characters). */
export const PTV_LIMITS = { name: 100, summary: 150, description: 2500, instructions: 2500 } as const;
/** The service class that fits peer and experience-expert activity in social services. */
export const PTV_SERVICE_CLASS = "P4.12";

export type PtvField = { key: keyof typeof PTV_LIMITS | "address" | "openingHours" | "web" | "calendar"; text: string; limit: number | null };

/** The texts in each language, or null for an unknown or archived place. */
export function ptvTexts(tx: Reader, placeId: number, now = new Date()): { placeName: string; byLocale: Record<Locale, PtvField[]> } | null {
  const found = placeForEdit(tx, placeId);
  if (!found || found.archivedAt) return null;
  const coming = listSessions(tx, now, { placeSlug: found.slug }).filter(forParents);
  // The languages the coming sessions are held in, Finnish first when none are set yet.
  const spoken = [...new Set(coming.flatMap((s) => s.languages))];
  const byLocale = Object.fromEntries(
    locales.map((l) => {
      const { t } = translatorFor(l);
      const place = placeIn(found, l);
      const names = new Intl.DisplayNames([formatLocales[l]], { type: "language" });
      const languages = (spoken.length ? spoken : ["fi"]).map((code) => names.of(code) ?? code).join(", ");
      const web = publicUrl(`/${l}/places/${encodeURIComponent(found.slug)}`);
      const calendar = publicUrl(`/${l}/places/${encodeURIComponent(found.slug)}/calendar.ics`);
      const fields: PtvField[] = [
        { key: "name", text: t("ptv.text.name", { place: place.name }), limit: PTV_LIMITS.name },
        { key: "summary", text: t("ptv.text.summary"), limit: PTV_LIMITS.summary },
        { key: "description", text: t("ptv.text.description", { place: place.name, languages }), limit: PTV_LIMITS.description },
        { key: "instructions", text: t("ptv.text.instructions", { web }), limit: PTV_LIMITS.instructions },
        { key: "address", text: addressLine(place), limit: null },
        { key: "openingHours", text: place.openingHours[l], limit: null },
        { key: "web", text: web, limit: null },
        { key: "calendar", text: calendar, limit: null },
      ];
      return [l, fields];
    }),
  ) as Record<Locale, PtvField[]>;
  return { placeName: found.name, byLocale };
}
