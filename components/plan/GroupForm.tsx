"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { updateGroupAction } from "@/lib/schedule/actions";
import type { FormValues, PlanFormState } from "@/lib/forms";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { FormErrors, LocalizedFields, TextField, useFormState } from "./form";

/** A group's own title, description and seats, after it was made. Works without JavaScript. */
export function GroupForm({ locale, sessionId, initial }: { locale: string; sessionId: number; initial: FormValues }) {
  const t = useTranslations("plan.groupEdit");
  const ts = useTranslations("plan.session");
  const [state, action] = useActionState<PlanFormState, FormData>(updateGroupAction, { values: initial });
  const form = useFormState(state, "group");
  return (
    <form action={action} noValidate className="mt-3">
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="sessionId" value={sessionId} />
      <input type="hidden" name="groupId" value={form.value("groupId")} />
      <FormErrors state={state} />
      <LocalizedFields form={form} name="title" label={ts("title")} />
      <LocalizedFields form={form} name="description" label={ts("description")} multiline />
      <div className="grid gap-x-4 sm:grid-cols-2">
        <TextField form={form} name="capacity" label={t("capacity")} hint={t("capacityHint")} inputMode="numeric" />
        <TextField form={form} name="maxPartySize" label={ts("maxPartySize")} inputMode="numeric" />
      </div>
      <SubmitButton label={t("save")} pending={t("saving")} />
    </form>
  );
}
