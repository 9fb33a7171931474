import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";

/** The period of an hours view (a plain GET form), with whatever else the page filters by. */
export async function HoursPeriodForm({ from, to, children }: { from: string; to: string; children?: ReactNode }) {
  const t = await getTranslations("plan.hours");
  return (
    <form method="get" className="mt-4 flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 shadow-sm">
      <label className="flex flex-col">
        {t("from")}
        <input type="date" name="from" defaultValue={from} className="rounded border border-stone-400 px-2 py-1" />
      </label>
      <label className="flex flex-col">
        {t("to")}
        <input type="date" name="to" defaultValue={to} className="rounded border border-stone-400 px-2 py-1" />
      </label>
      {children}
      <button type="submit" className="rounded bg-brand-800 px-3 py-1 font-medium text-white">
        {t("show")}
      </button>
    </form>
  );
}
