"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { publishAction, type PublishState } from "@/lib/feedback/staff-actions";
import { Field, inputClass } from "@/components/ui/Field";
import { SubmitButton } from "@/components/ui/SubmitButton";

const LANGUAGES = [
  ["fi", "suomi"],
  ["sv", "svenska"],
  ["en", "English"],
] as const;

/** A "you said, we did" entry in all three languages, for one place or the whole service. */
export function PublishForm({ locale, places }: { locale: string; places: { id: number; name: string }[] }) {
  const t = useTranslations("feedback.plan");
  const te = useTranslations("errors");
  const [state, action] = useActionState<PublishState, FormData>(publishAction, { values: {} });
  const err = (f: string) => {
    const e = state.errors?.[f];
    return e === "required" ? t("required") : e ? te(e) : undefined;
  };
  return (
    <form action={action} noValidate className="mt-4 rounded-lg bg-white p-4 shadow-sm">
      <input type="hidden" name="locale" value={locale} />
      <div aria-live="polite" role="status">
        {state.saved && <p className="font-medium text-brand-800">{t("publishedOk")}</p>}
        {state.errors?.form && <p className="font-medium text-red-800">{t("forbidden")}</p>}
      </div>
      <div className="mt-2">
        <label htmlFor="place" className="block font-medium">
          {t("where")}
        </label>
        <select key={state.values.place ?? ""} id="place" name="place" defaultValue={state.values.place ?? ""} className={`${inputClass} w-72`}>
          <option value="">{t("allPlaces")}</option>
          {places.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      {LANGUAGES.map(([code, name]) => (
        <div key={code} className="mt-4 grid gap-x-4 sm:grid-cols-2">
          <Field id={`said_${code}`} label={t("saidIn", { language: name })} error={err(`said_${code}`)}>
            {(p) => <textarea {...p} name={`said_${code}`} rows={2} lang={code} defaultValue={state.values[`said_${code}`]} className={inputClass} />}
          </Field>
          <Field id={`did_${code}`} label={t("didIn", { language: name })} error={err(`did_${code}`)}>
            {(p) => <textarea {...p} name={`did_${code}`} rows={2} lang={code} defaultValue={state.values[`did_${code}`]} className={inputClass} />}
          </Field>
        </div>
      ))}
      <SubmitButton label={t("publish")} pending={t("publishing")} />
    </form>
  );
}
