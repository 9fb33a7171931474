import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { listPlaces } from "@/lib/schedule/reads";
import { Link } from "@/i18n/navigation";
import type { Locale } from "@/lib/i18n/locales";
import { placeIn } from "@/lib/i18n/place-names";

/**
 * What a parent sees for a mistyped, forged or expired manage link: what
 * happened and what to do. The link does not say which place it was for, so
 * every place is listed, each linking to its contact details.
 */
export async function BadLinkNotice({ reason }: { reason: "invalid" | "expired" }) {
  const t = await getTranslations("manage");
  const locale = (await getLocale()) as Locale;
  const places = listPlaces(getDb()).map((p) => placeIn(p, locale));
  return (
    <>
      <h1 className="text-2xl font-bold">{reason === "expired" ? t("expiredTitle") : t("invalidTitle")}</h1>
      <p className="mt-3">{reason === "expired" ? t("expiredBody") : t("invalidBody")}</p>
      <h2 className="mt-6 text-lg font-semibold">{t("contactPlace")}</h2>
      <ul className="mt-2">
        {places.map((p) => (
          <li key={p.id}>
            <Link href={`/places/${p.slug}#contact`}>{p.name}</Link>
          </li>
        ))}
      </ul>
      <p className="mt-4">
        <Link href="/">{t("toSessions")}</Link>
      </p>
    </>
  );
}
