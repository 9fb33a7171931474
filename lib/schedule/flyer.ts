import "server-only";
import QRCode from "qrcode";
import { z } from "zod";
import type { Reader } from "@/db/client";
import { publicUrl } from "@/lib/config";
import { locales, type Locale } from "@/lib/i18n/locales";
import { forParents } from "./audience";
import { placeForEdit } from "./plan-reads";
import { getSession, listSessions } from "./reads";
import { flyerFrom, flyerTags, type FlyerTag } from "@/lib/referrals/channels";

/** How many coming sessions fit on each paper size. */
const FITS = { a4: 8, a5: 4 } as const;

export const flyerOptionsSchema = z.object({
  lang: z.enum(locales).optional().catch(undefined),
  size: z.enum(["a4", "a5"]).catch("a4"),
  tag: z.enum(flyerTags).catch("sw"),
  session: z.coerce.number().int().positive().optional().catch(undefined),
});
export type FlyerOptions = { lang: Locale; size: "a4" | "a5"; tag: FlyerTag; session?: number };

/** The place's public page in the flyer's language, with the channel tag and nothing else. */
export function flyerUrl(lang: Locale, slug: string, tag: FlyerTag): string {
  return publicUrl(`/${lang}/places/${encodeURIComponent(slug)}?from=${flyerFrom(tag)}`);
}

/** What a flyer shows: the place, a session when it is a session's flyer, the coming sessions, and the QR code. */
export async function flyerFor(db: Reader, placeId: number, o: FlyerOptions, now = new Date()) {
  const place = placeForEdit(db, placeId);
  if (!place || place.archivedAt) return null;
  const session = o.session !== undefined ? getSession(db, o.session) : null;
  if (o.session !== undefined && (!session || session.place.id !== placeId)) return null;
  const coming = listSessions(db, now, { placeSlug: place.slug })
    .filter((s) => s.id !== session?.id && forParents(s))
    .slice(0, FITS[o.size] - (session ? 1 : 0));
  const url = flyerUrl(o.lang, place.slug, o.tag);
  const qr = await QRCode.toString(url, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return { place, session, coming, url, qr };
}
