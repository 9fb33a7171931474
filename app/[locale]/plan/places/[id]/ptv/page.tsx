import { getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db/client";
import { requirePlanner } from "@/lib/auth/guard";
import { locales, type Locale } from "@/lib/i18n/locales";
import { PTV_SERVICE_CLASS, ptvTexts } from "@/lib/schedule/ptv";
import { NotFoundView } from "@/components/NotFoundView";
import { PlanNav } from "@/components/plan/PlanNav";
import { inputClass } from "@/components/ui/Field";

export const metadata = { robots: { index: false } };

/** A place's service description for PTV, in the three languages, ready to paste field by field. */
export default async function PtvPage({ params }: PageProps<"/[locale]/plan/places/[id]/ptv">) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  await requirePlanner(locale);
  const texts = /^\d+$/.test(id) ? ptvTexts(getDb(), Number(id)) : null;
  if (!texts) return <NotFoundView />;
  const t = await getTranslations("ptv");
  const names = new Intl.DisplayNames([locale], { type: "language" });

  return (
    <>
      <PlanNav current="places" />
      <h1 className="text-2xl font-bold">{t("title", { place: texts.placeName })}</h1>
      <p className="mt-2 max-w-prose">{t("intro", { serviceClass: PTV_SERVICE_CLASS })}</p>
      {locales.map((l: Locale) => (
        <section key={l} lang={l} aria-labelledby={`ptv-${l}`} className="mt-8">
          <h2 id={`ptv-${l}`} className="text-xl font-bold" lang={locale}>
            {t("language", { language: names.of(l) ?? l })}
          </h2>
          {texts.byLocale[l].map((f) => {
            const fieldId = `ptv-${l}-${f.key}`;
            const over = f.limit !== null && f.text.length > f.limit;
            return (
              <div key={f.key} className="mt-4 max-w-3xl">
                <label htmlFor={fieldId} className="block font-medium" lang={locale}>
                  {t(`fields.${f.key}`)}
                </label>
                <textarea
                  id={fieldId}
                  readOnly
                  defaultValue={f.text}
                  rows={f.key === "description" ? 10 : f.key === "instructions" ? 4 : 2}
                  aria-describedby={f.limit !== null ? `${fieldId}-count` : undefined}
                  className={`${inputClass} w-full`}
                />
                {f.limit !== null && (
                  <p id={`${fieldId}-count`} className="text-sm text-stone-700" lang={locale}>
                    {t("count", { count: f.text.length, limit: f.limit })}
                    {over && <strong className="ml-2">{t("tooLong")}</strong>}
                  </p>
                )}
              </div>
            );
          })}
        </section>
      ))}
    </>
  );
}
