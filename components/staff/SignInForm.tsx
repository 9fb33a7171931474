"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { requestSignIn, type SignInState } from "@/lib/auth/actions";
import { Field, inputClass } from "@/components/ui/Field";
import { SubmitButton } from "@/components/ui/SubmitButton";

/** `next`: the staff page to return to after the link (checked again on the server). */
export function SignInForm({ locale, next }: { locale: string; next?: string }) {
  const t = useTranslations("staff.signIn");
  const te = useTranslations("errors");
  const [state, action] = useActionState<SignInState, FormData>(requestSignIn, { email: "" });
  return (
    <form action={action} noValidate className="mt-4 max-w-md">
      <input type="hidden" name="locale" value={locale} />
      {next && <input type="hidden" name="next" value={next} />}
      <Field id="email" label={t("email")} error={state.error ? te(state.error) : undefined}>
        {(p) => <input {...p} name="email" type="email" autoComplete="email" defaultValue={state.email} className={inputClass} />}
      </Field>
      <SubmitButton label={t("submit")} pending={t("submitting")} />
    </form>
  );
}
