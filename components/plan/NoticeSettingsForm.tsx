"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { noticeSettingsAction } from "@/lib/staff/actions";
import type { PlanFormState } from "@/lib/forms";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { FormErrors, TextField, useFormState } from "./form";

/**
 * A planner's or admin's concern notices: an optional mobile number for the
 * text message, and the places they are responsible for. Ids carry the
 * person's id, as the page has one such form per person.
 */
export function NoticeSettingsForm({
  locale,
  userId,
  name,
  phone,
  chosen,
  places,
}: {
  locale: string;
  userId: string;
  name: string;
  phone: string | null;
  chosen: number[];
  places: { id: number; name: string }[];
}) {
  const t = useTranslations("plan.staff");
  const [state, action] = useActionState<PlanFormState, FormData>(noticeSettingsAction, {
    values: { phone: phone ?? "", places: chosen.map(String) },
  });
  const form = useFormState(state, `notice-${userId}`);
  const checked = form.values("places");
  return (
    <form action={action} noValidate aria-label={t("noticeOf", { name })} className="mt-3 rounded border border-stone-300 p-3">
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="userId" value={userId} />
      <h3 className="font-semibold">{t("noticeTitle")}</h3>
      <FormErrors state={state} />
      <TextField form={form} name="phone" type="tel" inputMode="tel" autoComplete="off" label={t("phone")} hint={t("phoneHint")} className="sm:w-64" />
      <fieldset className="mt-4" aria-describedby={`notice-${userId}-places-hint`}>
        <legend className="font-medium">{t("places")}</legend>
        <p id={`notice-${userId}-places-hint`} className="text-sm text-stone-700">
          {t("placesHint")}
        </p>
        <ul className="mt-2 flex flex-wrap gap-x-6 gap-y-2">
          {places.map((p) => (
            <li key={p.id} className="flex items-center gap-2">
              <input
                id={`notice-${userId}-place-${p.id}`}
                type="checkbox"
                name="places"
                value={p.id}
                defaultChecked={checked.includes(String(p.id))}
                className="size-5"
              />
              <label htmlFor={`notice-${userId}-place-${p.id}`}>{p.name}</label>
            </li>
          ))}
        </ul>
      </fieldset>
      <SubmitButton label={t("saveNotice")} pending={t("saving")} />
    </form>
  );
}
