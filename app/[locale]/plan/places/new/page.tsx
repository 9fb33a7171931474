import { getTranslations, setRequestLocale } from "next-intl/server";
import { requirePlanner } from "@/lib/auth/guard";
import { ClientMessages } from "@/components/ClientMessages";
import { PlanNav } from "@/components/plan/PlanNav";
import { PlaceForm } from "@/components/plan/PlaceForm";

export const metadata = { robots: { index: false } };

export default async function NewPlacePage({ params }: PageProps<"/[locale]/plan/places/new">) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requirePlanner(locale);
  const t = await getTranslations("plan.places");
  return (
    <>
      <PlanNav current="places" />
      <h1 className="text-2xl font-bold">{t("newTitle")}</h1>
      <ClientMessages namespaces={["plan"]}>
        <PlaceForm locale={locale} />
      </ClientMessages>
    </>
  );
}
