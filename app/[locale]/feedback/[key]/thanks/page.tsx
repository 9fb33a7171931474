import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { Notice } from "@/components/ui/Notice";

export const metadata = { robots: { index: false } };

export default async function ThanksPage({ params, searchParams }: PageProps<"/[locale]/feedback/[key]/thanks">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const query = await searchParams;
  const t = await getTranslations("feedback.thanks");
  return (
    <>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      {query.concern === "1" && (
        <div className="mt-4">
          <Notice tone="info" role="status">
            {t("concern")}
          </Notice>
        </div>
      )}
      <p className="mt-3">{t("body")}</p>
      <p className="mt-4">
        <Link href="/you-said-we-did">{t("link")}</Link>
      </p>
    </>
  );
}
