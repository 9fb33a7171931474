import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { DateRange } from "@/components/ui/DateRange";

/** The period of an hours view (a plain GET form), with whatever else the page filters by. */
export async function HoursPeriodForm({ from, to, children }: { from: string; to: string; children?: ReactNode }) {
  const t = await getTranslations("plan.hours");
  return (
    <form method="get" className="mt-4 flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 shadow-sm">
      <DateRange from={from} to={to} labels={{ from: t("from"), to: t("to") }} />
      {children}
      <button type="submit" className="rounded bg-brand-800 px-4 py-2 font-medium text-white">
        {t("show")}
      </button>
    </form>
  );
}
