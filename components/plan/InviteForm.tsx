"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { inviteStaffAction } from "@/lib/staff/actions";
import type { PlanFormState } from "@/lib/forms";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { FormErrors, SelectField, TextField, useFormState } from "./form";

/** Invites a member of staff. Roles offered follow the actor; the server checks again. */
export function InviteForm({ locale, roles }: { locale: string; roles: ("facilitator" | "planner" | "admin")[] }) {
  const t = useTranslations("plan.staff");
  const tr = useTranslations("staff.roles");
  const tl = useTranslations("plan.languageNames");
  const [state, action] = useActionState<PlanFormState, FormData>(inviteStaffAction, { values: { role: "facilitator", language: locale } });
  const form = useFormState(state);
  return (
    <form action={action} noValidate className="mt-2">
      <input type="hidden" name="locale" value={locale} />
      <FormErrors state={state} />
      <TextField form={form} name="email" type="email" label={t("email")} autoComplete="off" inputMode="email" />
      <TextField form={form} name="name" label={t("name")} hint={t("nameHint")} autoComplete="off" />
      <SelectField form={form} name="role" label={t("role")} options={roles.map((r) => ({ value: r, label: tr(r) }))} />
      <SelectField
        form={form}
        name="language"
        label={t("language")}
        hint={t("languageHint")}
        options={(["fi", "sv", "en"] as const).map((l) => ({ value: l, label: tl(l) }))}
      />
      <SubmitButton label={t("invite")} pending={t("inviting")} />
    </form>
  );
}
