"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { saveCountyAction } from "@/lib/counties/actions";
import type { FormValues, PlanFormState } from "@/lib/forms";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { FormErrors, TextField, useFormState } from "./form";

/**
 * A wellbeing services county: its names, its ombudsman, its emergency social
 * services number and its client-safety contact. A plain form: it works
 * without JavaScript. `back="welcome"` returns to the first-run page.
 */
export function CountyForm({ locale, countyId, initial = {}, back }: { locale: string; countyId?: number; initial?: FormValues; back?: "welcome" }) {
  const t = useTranslations("county");
  const [state, action] = useActionState<PlanFormState, FormData>(saveCountyAction, { values: initial });
  const form = useFormState(state, countyId ? `county-${countyId}` : "county-new");
  return (
    <form action={action} noValidate className="mt-3">
      <input type="hidden" name="locale" value={locale} />
      {countyId && <input type="hidden" name="countyId" value={countyId} />}
      {back && <input type="hidden" name="back" value={back} />}
      <FormErrors state={state} />
      <fieldset className="mt-2 rounded border border-stone-300 p-3">
        <legend className="px-1 font-semibold">{t("names")}</legend>
        <TextField form={form} name="nameFi" label={t("nameFi")} hint={t("nameHint")} />
        <TextField form={form} name="nameSv" label={t("nameSv")} />
        <TextField form={form} name="nameEn" label={t("nameEn")} />
      </fieldset>
      <TextField form={form} name="emergencyPhone" label={t("emergencyPhone")} hint={t("emergencyHint")} inputMode="tel" autoComplete="off" />
      <fieldset className="mt-4 rounded border border-stone-300 p-3">
        <legend className="px-1 font-semibold">{t("ombudsman")}</legend>
        <p className="text-sm text-stone-700">{t("ombudsmanHint")}</p>
        <TextField form={form} name="ombudsmanName" label={t("ombudsmanName")} autoComplete="off" />
        <TextField form={form} name="ombudsmanPhone" label={t("phone")} inputMode="tel" autoComplete="off" />
        <TextField form={form} name="ombudsmanEmail" label={t("email")} type="email" autoComplete="off" />
        <TextField form={form} name="ombudsmanUrl" label={t("url")} type="url" autoComplete="off" />
      </fieldset>
      <fieldset className="mt-4 rounded border border-stone-300 p-3">
        <legend className="px-1 font-semibold">{t("clientSafety")}</legend>
        <p className="text-sm text-stone-700">{t("clientSafetyHint")}</p>
        <TextField form={form} name="clientSafetyName" label={t("clientSafetyName")} autoComplete="off" />
        <TextField form={form} name="clientSafetyEmail" label={t("email")} type="email" autoComplete="off" />
      </fieldset>
      <SubmitButton label={countyId ? t("save") : t("create")} pending={t("saving")} />
    </form>
  );
}
