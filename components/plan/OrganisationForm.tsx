"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { saveOrganisationAction } from "@/lib/organisation/actions";
import type { FormValues, PlanFormState } from "@/lib/forms";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { FormErrors, TextField, useFormState } from "./form";

/** Who runs the service: the first step of a new organisation's first day. Works without JavaScript. */
export function OrganisationForm({ locale, initial }: { locale: string; initial: FormValues }) {
  const t = useTranslations("plan.welcome");
  const [state, action] = useActionState<PlanFormState, FormData>(saveOrganisationAction, { values: initial });
  const form = useFormState(state);
  return (
    <form action={action} noValidate className="mt-3">
      <input type="hidden" name="locale" value={locale} />
      <FormErrors state={state} />
      <TextField form={form} name="name" label={t("name")} autoComplete="organization" />
      <TextField form={form} name="contact" label={t("contact")} hint={t("contactHint")} autoComplete="off" />
      <SubmitButton label={t("save")} pending={t("saving")} />
    </form>
  );
}
