"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { cancelSeriesAction } from "@/lib/schedule/actions";
import type { PlanFormState } from "@/lib/forms";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { FormErrors, TextField, useFormState } from "./form";

/** Ends a weekly series from a date on; the button says that every booker is told. Works without JavaScript. */
export function CancelSeriesForm({ locale, sessionId, fromDate }: { locale: string; sessionId: number; fromDate: string }) {
  const t = useTranslations("plan.seriesCancel");
  const [state, action] = useActionState<PlanFormState, FormData>(cancelSeriesAction, { values: { fromDate } });
  const form = useFormState(state, "series");
  return (
    <form action={action} noValidate className="mt-2">
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="sessionId" value={sessionId} />
      <FormErrors state={state} />
      <p>{t("body")}</p>
      <TextField form={form} name="fromDate" label={t("fromDate")} hint={t("fromDateHint")} type="date" />
      <SubmitButton label={t("submit")} pending={t("cancelling")} tone="danger" />
    </form>
  );
}
