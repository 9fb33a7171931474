import { getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db/client";
import { requirePlanner } from "@/lib/auth/guard";
import { publishedEntries } from "@/lib/feedback/reads";
import { listPlaces } from "@/lib/schedule/reads";
import { Link } from "@/i18n/navigation";
import { ClientMessages } from "@/components/ClientMessages";
import { PublishForm } from "@/components/feedback/PublishForm";
import { YouSaidWeDidList } from "@/components/feedback/YouSaidWeDid";

export const metadata = { robots: { index: false } };

export default async function PublishPage({ params }: PageProps<"/[locale]/plan/feedback/publish">) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requirePlanner(locale);
  const t = await getTranslations("feedback.plan");
  const db = getDb();
  return (
    <>
      <p>
        <Link href="/plan/feedback">{t("back")}</Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">{t("published")}</h1>
      <p className="mt-2">{t("publishIntro")}</p>
      <ClientMessages namespaces={["feedback", "errors"]}>
        <PublishForm locale={locale} places={listPlaces(db).map((p) => ({ id: p.id, name: p.name }))} />
      </ClientMessages>
      <YouSaidWeDidList entries={publishedEntries(db)} />
    </>
  );
}
