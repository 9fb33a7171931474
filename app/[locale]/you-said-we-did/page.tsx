import { connection } from "next/server";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db/client";
import { publishedEntries } from "@/lib/feedback/reads";
import { YouSaidWeDidList } from "@/components/feedback/YouSaidWeDid";
import { OpeningSoon } from "@/components/OpeningSoon";
import { publicSiteOpen } from "@/lib/organisation/reads";

export async function generateMetadata({ params }: PageProps<"/[locale]/you-said-we-did">) {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "feedback.public" });
  return { title: t("title") };
}

export default async function YouSaidWeDidPage({ params }: PageProps<"/[locale]/you-said-we-did">) {
  const { locale } = await params;
  setRequestLocale(locale);
  await connection(); // read from the database at each request, never at build time
  if (!publicSiteOpen(getDb())) return <OpeningSoon />;
  const t = await getTranslations("feedback.public");
  return (
    <>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-2">{t("intro")}</p>
      <YouSaidWeDidList entries={publishedEntries(getDb())} />
    </>
  );
}
