"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { savePlaceAction } from "@/lib/schedule/actions";
import type { FormValues, PlanFormState } from "@/lib/forms";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { FormErrors, LocalizedFields, SelectField, TextField, useFormState } from "./form";

/** Creates a meeting place, or edits one when placeId is given. A plain form: it works without JavaScript. */
export function PlaceForm({
  locale,
  placeId,
  initial = {},
  counties,
}: {
  locale: string;
  placeId?: number;
  initial?: FormValues;
  /** The counties a place can belong to (kept on /plan/counties). */
  counties: { value: string; label: string }[];
}) {
  const t = useTranslations("plan.place");
  const [state, action] = useActionState<PlanFormState, FormData>(savePlaceAction, { values: { roomSize: "30", ...initial } });
  const form = useFormState(state);
  return (
    <form action={action} noValidate className="mt-4">
      <input type="hidden" name="locale" value={locale} />
      {placeId && <input type="hidden" name="placeId" value={placeId} />}
      <FormErrors state={state} />
      <TextField form={form} name="name" label={t("name")} hint={t("nameHint")} />
      <TextField form={form} name="streetAddress" label={t("streetAddress")} autoComplete="off" />
      <div className="grid gap-x-4 sm:grid-cols-[10rem_1fr]">
        <TextField form={form} name="postalCode" label={t("postalCode")} inputMode="numeric" />
        <TextField form={form} name="city" label={t("city")} />
      </div>
      <fieldset className="mt-4 rounded border border-stone-300 p-3">
        <legend className="px-1 font-semibold">{t("swedishNames")}</legend>
        <p className="text-sm text-stone-700">{t("swedishNamesHint")}</p>
        <TextField form={form} name="nameSv" label={t("nameSv")} />
        <TextField form={form} name="streetAddressSv" label={t("streetAddressSv")} autoComplete="off" />
        <TextField form={form} name="citySv" label={t("citySv")} />
      </fieldset>
      <SelectField form={form} name="countyId" label={t("county")} hint={t("countyHint")} options={counties} empty={counties.length === 1 ? undefined : t("countyPick")} />
      <LocalizedFields form={form} name="openingHours" label={t("openingHours")} hint={t("localizedHint")} />
      <LocalizedFields form={form} name="directions" label={t("directions")} multiline />
      <LocalizedFields form={form} name="accessibility" label={t("accessibility")} multiline />
      <div className="grid gap-x-4 sm:grid-cols-2">
        <TextField form={form} name="contactPhone" label={t("contactPhone")} hint={t("contactHint")} inputMode="tel" autoComplete="off" />
        <TextField form={form} name="contactEmail" label={t("contactEmail")} type="email" autoComplete="off" />
      </div>
      <TextField form={form} name="roomSize" label={t("roomSize")} hint={t("roomSizeHint")} inputMode="numeric" />
      <SubmitButton label={placeId ? t("save") : t("create")} pending={t("saving")} />
    </form>
  );
}
