"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { submitProfessionalFeedbackAction, type ProfessionalState } from "@/lib/feedback/actions";
import { Field, inputClass } from "@/components/ui/Field";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { Notice } from "@/components/ui/Notice";

const ANSWERS = ["yes", "no", "cant_say"] as const;

/** Professionals' voice: what they learned about client participation, what they will change, a comment. */
export function ProfessionalFeedbackForm({ feedbackKey, locale }: { feedbackKey: string; locale: string }) {
  const t = useTranslations("professionals.form");
  const tf = useTranslations("feedback.form");
  const te = useTranslations("feedback.errors");
  const [state, action] = useActionState<ProfessionalState, FormData>(submitProfessionalFeedbackAction, { values: {} });
  const v = state.values;
  const err = (f: keyof NonNullable<ProfessionalState["errors"]>) => (state.errors?.[f] ? te(state.errors[f]!) : undefined);
  return (
    <form action={action} noValidate className="mt-4 space-y-6">
      <input type="hidden" name="key" value={feedbackKey} />
      <input type="hidden" name="locale" value={locale} />
      <div aria-live="polite" role="status">
        {state.formError && <Notice tone="error">{te(state.formError)}</Notice>}
      </div>
      <fieldset>
        <legend className="font-semibold">{t("learned")}</legend>
        <div className="mt-2 flex flex-wrap gap-2">
          {ANSWERS.map((a) => (
            <label key={a} className="flex cursor-pointer items-center gap-2 rounded-lg border-2 border-stone-300 bg-white px-3 py-2 has-[:checked]:border-brand-800 has-[:checked]:bg-brand-50">
              <input type="radio" name="learned" value={a} defaultChecked={v.learned === a} className="size-5" />
              {tf(a)}
            </label>
          ))}
        </div>
      </fieldset>
      <Field id="learnedText" label={t("learnedText")} error={err("learnedText")}>
        {(p) => <textarea {...p} name="learnedText" rows={3} defaultValue={v.learnedText} className={inputClass} />}
      </Field>
      <Field id="willChange" label={t("willChange")} hint={t("willChangeHint")} error={err("willChange")}>
        {(p) => <textarea {...p} name="willChange" rows={3} defaultValue={v.willChange} className={inputClass} />}
      </Field>
      <Field id="comment" label={t("comment")} error={err("comment")}>
        {(p) => <textarea {...p} name="comment" rows={2} defaultValue={v.comment} className={inputClass} />}
      </Field>
      <p className="text-sm text-stone-700">{t("anonymous")}</p>
      <SubmitButton label={tf("submit")} pending={tf("submitting")} />
    </form>
  );
}
