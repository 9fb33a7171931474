import type { ReachReport } from "@/lib/reach/access";
import { reachFormat } from "@/lib/reach/format";
import { periodPresets } from "@/lib/reach/period";
import { sessionKinds } from "@/db/schema";
import type { Locale } from "@/lib/i18n/locales";
import { DateRange } from "@/components/ui/DateRange";
import { FilterSelect, filterFieldClass } from "@/components/ui/FilterSelect";

/** The view as a plain GET form: it works without JavaScript and leaves everything in the address. */
export function ReachFilters({ report, locale }: { report: ReachReport; locale: Locale }) {
  const { t } = reachFormat(locale);
  const { view, places, counties } = report;
  return (
    <form method="get" aria-label={t("reach.form.label")} className="mt-4 grid gap-3 rounded-lg bg-white p-4 shadow-sm sm:grid-cols-2 print:hidden">
      <div>
        <label htmlFor="period" className="block text-sm font-medium">
          {t("reach.form.period")}
        </label>
        <select id="period" name="period" defaultValue={view.preset} className={filterFieldClass}>
          {periodPresets.map((p) => (
            <option key={p} value={p}>
              {t(`reach.form.presets.${p}`)}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="sm:col-span-1">
        <legend className="sr-only">{t("reach.form.presets.custom")}</legend>
        <div className="flex flex-wrap gap-3">
          <DateRange from={view.from} to={view.to} labels={{ from: t("reach.form.from"), to: t("reach.form.to") }} describedBy="dates-hint" />
        </div>
        <p id="dates-hint" className="mt-1 text-sm text-stone-700">
          {t("reach.form.datesHint")}
        </p>
      </fieldset>
      <FilterSelect
        name="place"
        label={t("reach.form.place")}
        value={view.filters.placeId !== null ? String(view.filters.placeId) : undefined}
        allLabel={t("reach.form.allPlaces")}
        options={places.map((p) => ({ value: String(p.id), label: p.archived ? t("reach.form.archived", { name: p.name }) : p.name }))}
      />
      <FilterSelect
        name="kind"
        label={t("reach.form.kind")}
        value={view.filters.kind ?? undefined}
        allLabel={t("reach.form.allKinds")}
        options={sessionKinds.map((k) => ({ value: k, label: t(`reach.kinds.${k}`) }))}
      />
      <FilterSelect
        name="county"
        label={t("reach.form.county")}
        value={view.filters.county !== null ? String(view.filters.county) : undefined}
        allLabel={t("reach.form.allCounties")}
        options={counties.map((c) => ({ value: String(c.id), label: c.name[locale] || c.name.fi }))}
      />
      <div className="flex items-center gap-2 self-end">
        <input id="publish" name="publish" type="checkbox" value="1" defaultChecked={view.publish} className="h-5 w-5" />
        <label htmlFor="publish">{t("reach.form.publish")}</label>
      </div>
      <div className="sm:col-span-2">
        <button type="submit" className="rounded bg-brand-800 px-4 py-2 font-medium text-white hover:bg-brand-900">
          {t("reach.form.show")}
        </button>
      </div>
    </form>
  );
}
