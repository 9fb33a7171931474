import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireActor } from "@/lib/auth/guard";
import { isPlanner } from "@/lib/auth/staff";
import { Forbidden } from "@/components/staff/Forbidden";

export const metadata = { robots: { index: false } };

export default async function PlanPage({ params }: PageProps<"/[locale]/plan">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireActor(locale);
  if (!isPlanner(actor)) return <Forbidden />;
  const t = await getTranslations("staff.nav");
  return <h1 className="text-2xl font-bold">{t("plan")}</h1>;
}
