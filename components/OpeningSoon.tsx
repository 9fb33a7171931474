import { getTranslations } from "next-intl/server";

/**
 * What parents' pages show before the service has opened (publicSiteOpen in
 * lib/organisation/reads.ts): one calm paragraph, no filters or empty lists.
 * A 200: the address is right, there is just nothing to book yet.
 */
export async function OpeningSoon() {
  const t = await getTranslations("openingSoon");
  return (
    <>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-3 text-lg">{t("body")}</p>
      <p className="mt-3">{t("urgent")}</p>
    </>
  );
}
