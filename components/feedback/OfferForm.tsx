"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { offerAction, type OfferState } from "@/lib/development/actions";
import { Field, inputClass } from "@/components/ui/Field";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { Notice } from "@/components/ui/Notice";
import { Link } from "@/i18n/navigation";

const LANGS = [
  ["fi", "Suomi"],
  ["sv", "Svenska"],
  ["en", "English"],
] as const;

/** The offer to take part in developing the service: a way to reach them, languages, explicit consent. */
export function OfferForm({ feedbackKey, locale }: { feedbackKey: string; locale: string }) {
  const t = useTranslations("develop.offer");
  const te = useTranslations("develop.errors");
  const [state, action] = useActionState<OfferState, FormData>(offerAction, { values: {} });
  const v = state.values;
  const err = (f: keyof NonNullable<OfferState["errors"]>) => (state.errors?.[f] ? te(state.errors[f] as "check") : undefined);
  const langs = Array.isArray(v.languages) ? v.languages : [locale];
  return (
    <form action={action} noValidate className="mt-4 space-y-4">
      <input type="hidden" name="key" value={feedbackKey} />
      <input type="hidden" name="locale" value={locale} />
      <div aria-live="polite" role="status">
        {state.formError && <Notice tone="error">{te(state.formError as "check")}</Notice>}
      </div>
      <Field id="email" label={t("email")} hint={t("emailHint")} error={err("email")}>
        {(p) => <input {...p} name="email" type="email" autoComplete="email" inputMode="email" defaultValue={v.email as string | undefined} className={inputClass} />}
      </Field>
      <fieldset className="rounded border border-stone-300 p-3">
        <legend className="px-1 font-semibold">{t("languages")}</legend>
        <ul className="space-y-2">
          {LANGS.map(([code, name]) => (
            <li key={code} className="flex items-center gap-2">
              <input id={`lang-${code}`} type="checkbox" name="languages" value={code} defaultChecked={langs.includes(code)} className="size-5" />
              <label htmlFor={`lang-${code}`} lang={code}>
                {name}
              </label>
            </li>
          ))}
        </ul>
        <Field id="otherLanguages" label={t("otherLanguages")} hint={t("otherLanguagesHint")} error={err("otherLanguages")}>
          {(p) => <input {...p} name="otherLanguages" defaultValue={v.otherLanguages as string | undefined} className={inputClass} />}
        </Field>
      </fieldset>
      <div>
        <div className="flex items-start gap-2">
          <input
            id="consent"
            name="consent"
            type="checkbox"
            defaultChecked={v.consent === "on"}
            aria-describedby={`consent-hint${state.errors?.consent ? " consent-error" : ""}`}
            aria-invalid={state.errors?.consent ? true : undefined}
            className="mt-1 size-5"
          />
          <label htmlFor="consent" className="font-medium">
            {t("consent")}
          </label>
        </div>
        <p id="consent-hint" className="mt-1 text-sm text-stone-700">
          {t("consentHint")} <Link href="/privacy#development">{t("privacyLink")}</Link>
        </p>
        {state.errors?.consent && (
          <p id="consent-error" className="mt-1 font-medium text-red-800">
            {err("consent")}
          </p>
        )}
      </div>
      <SubmitButton label={t("submit")} pending={t("submit")} />
    </form>
  );
}
