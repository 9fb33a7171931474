import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { config } from "@/lib/config";
import { bookingByToken } from "@/lib/booking/reads";
import { listPlaces } from "@/lib/schedule/reads";
import { Link } from "@/i18n/navigation";
import type { Locale } from "@/lib/i18n/locales";
import { placeIn } from "@/lib/i18n/place-names";
import { answerStatus } from "@/lib/http/edge.mjs";

/**
 * What a parent sees for a mistyped, forged or expired manage link: what
 * happened and what to do. The link does not say which place it was for, so
 * every place is listed, each linking to its contact details.
 */
export async function BadLinkNotice({ reason }: { reason: "invalid" | "expired" }) {
  // No such link is a 404; one that worked and has expired is gone for good.
  answerStatus(reason === "expired" ? 410 : 404);
  const t = await getTranslations("manage");
  const locale = (await getLocale()) as Locale;
  const places = listPlaces(getDb()).map((p) => placeIn(p, locale));
  return (
    <>
      <h1 className="text-2xl font-bold">{reason === "expired" ? t("expiredTitle") : t("invalidTitle")}</h1>
      <p className="mt-3">{reason === "expired" ? t("expiredBody") : t("invalidBody")}</p>
      {reason === "invalid" && (
        <p className="mt-3">
          <Link href="/manage">{t("lostLink")}</Link>
        </p>
      )}
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

/** The title of a manage page (and of its cancel step): the booking's, or what is wrong with the link. */
export async function manageLinkMetadata(locale: string, token: string) {
  const t = await getTranslations({ locale, namespace: "manage" });
  const found = bookingByToken(getDb(), token, new Date(), config().MANAGE_LINK_DAYS);
  const title = found.ok ? t("title") : found.reason === "expired" ? t("expiredTitle") : t("invalidTitle");
  return { title, robots: { index: false } };
}
