import { getTranslations, setRequestLocale } from "next-intl/server";
import { Notice } from "@/components/ui/Notice";
import { LostLinkForm } from "@/components/booking/LostLinkForm";

export async function generateMetadata({ params }: PageProps<"/[locale]/manage">) {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "meta" });
  return { title: t("lostLink"), robots: { index: false } };
}

/**
 * "Lost your booking link?": one field, and after sending the same answer
 * whether or not any booking was found (lib/booking/recovery.ts).
 */
export default async function LostLinkPage({ params, searchParams }: PageProps<"/[locale]/manage">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { sent } = await searchParams;
  const t = await getTranslations("manage");
  const te = await getTranslations("errors");
  return (
    <>
      <h1 className="text-2xl font-bold">{t("lostTitle")}</h1>
      {sent === "1" && (
        <div className="mt-4">
          <Notice tone="success" role="status" title={t("lostSentTitle")}>
            <p>{t("lostSentBody")}</p>
          </Notice>
        </div>
      )}
      <p className="mt-3">{t("lostBody")}</p>
      <LostLinkForm
        locale={locale}
        labels={{
          field: t("lostField"),
          hint: t("lostHint"),
          submit: t("lostSubmit"),
          pending: t("lostSending"),
          invalid: t("lostInvalid"),
          rateLimited: t("lostRateLimited"),
          checkFields: te("checkFields"),
        }}
      />
    </>
  );
}
