"use client";
import { useActionState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { submitFeedbackAction, type FeedbackState } from "@/lib/feedback/actions";
import { Field, inputClass } from "@/components/ui/Field";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { Link } from "@/i18n/navigation";
import { VisitorCodeField } from "./VisitorCodeField";
import { Notice } from "@/components/ui/Notice";

/** The mouth of each face, from a frown to a broad smile: drawn, not emoji (a phone without the emoji font shows empty boxes). */
const MOUTHS = ["M15 33 Q24 25 33 33", "M16 32 Q24 28 32 32", "M16 30 Q24 35 32 30", "M14 29 Q24 39 34 29"] as const;

function Face({ mouth }: { mouth: string }) {
  return (
    <svg viewBox="0 0 48 48" width="44" height="44" aria-hidden="true" focusable="false" className="text-stone-800">
      <circle cx="24" cy="24" r="21" fill="#fde68a" stroke="currentColor" strokeWidth="2" />
      <circle cx="17" cy="19" r="2.5" fill="currentColor" />
      <circle cx="31" cy="19" r="2.5" fill="currentColor" />
      <path d={mouth} fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" />
    </svg>
  );
}
const QUESTIONS = ["gotInformation", "lessAlone", "wouldReturn"] as const;
const ANSWERS = ["yes", "no", "cant_say"] as const;

/** Under a minute on a phone: four faces first, three questions, a comment, a separate place for a concern, and a visitor code folded last. */
/** `concernOnly`: a parent who answered recently is offered the concern channel alone. */
/** `whereToTurn`: the line on 112 and the county's emergency number, shown right above the concern box (components/feedback/WhereToTurn). */
/** `kiosk`: the same form on the meeting place's tablet (components/host/kiosk): its turn is sent along, and nothing links out. */
export function FeedbackForm({
  feedbackKey,
  locale,
  concernOnly = false,
  quietDays = 28,
  whereToTurn,
  kiosk,
}: {
  feedbackKey: string;
  locale: string;
  concernOnly?: boolean;
  quietDays?: number;
  whereToTurn?: ReactNode;
  kiosk?: { sessionId: number; turn: string };
}) {
  const t = useTranslations("feedback.form");
  const tw = useTranslations("whereToTurn");
  const tq = useTranslations("quiet");
  const te = useTranslations("feedback.errors");
  const [state, action] = useActionState<FeedbackState, FormData>(submitFeedbackAction, { values: {} });
  const v = state.values;
  const err = (f: keyof NonNullable<FeedbackState["errors"]>) => (state.errors?.[f] ? te(state.errors[f]!) : undefined);

  return (
    <form action={action} noValidate className="mt-4 space-y-6">
      <input type="hidden" name="key" value={feedbackKey} />
      <input type="hidden" name="locale" value={locale} />
      {kiosk && <input type="hidden" name="kioskSession" value={kiosk.sessionId} />}
      {kiosk && <input type="hidden" name="kioskTurn" value={kiosk.turn} />}
      <div aria-live="polite" role="status">
        {state.formError && (
          <Notice tone="error">{te(state.formError)}</Notice>
        )}
      </div>
      {concernOnly ? (
        <input type="hidden" name="concernOnly" value="1" />
      ) : (
        <>
      <fieldset>
        <legend className="text-lg font-semibold">{t("rating")}</legend>
        <div className="mt-2 grid grid-cols-4 gap-2">
          {MOUTHS.map((mouth, i) => (
            <label key={mouth} className="flex cursor-pointer flex-col items-center rounded-lg border-2 border-stone-300 bg-white p-2 has-[:checked]:border-brand-800 has-[:checked]:bg-brand-50 has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-amber-500">
              <input type="radio" name="rating" value={i + 1} defaultChecked={v.rating === String(i + 1)} className="sr-only" />
              <Face mouth={mouth} />
              <span className="mt-1 text-center text-sm">{t(`rating${i + 1}` as "rating1")}</span>
            </label>
          ))}
        </div>
      </fieldset>

      {QUESTIONS.map((q) => (
        <fieldset key={q}>
          <legend className="font-semibold">{t(q)}</legend>
          <div className="mt-2 flex flex-wrap gap-2">
            {ANSWERS.map((a) => (
              <label key={a} className="flex cursor-pointer items-center gap-2 rounded-lg border-2 border-stone-300 bg-white px-3 py-2 has-[:checked]:border-brand-800 has-[:checked]:bg-brand-50">
                <input type="radio" name={q} value={a} defaultChecked={v[q] === a} className="size-5" />
                {t(a)}
              </label>
            ))}
          </div>
        </fieldset>
      ))}

      <Field id="comment" label={t("comment")} hint={t("commentHint")} error={err("comment")}>
        {(p) => <textarea {...p} name="comment" rows={3} defaultValue={v.comment} className={inputClass} />}
      </Field>
        </>
      )}

      {whereToTurn}
      <fieldset id="concern-box" className="rounded-lg border-2 border-amber-400 bg-amber-50 p-4">
        <legend className="px-1 font-semibold">{t("concernTitle")}</legend>
        <div className="flex items-start gap-2">
          <input id="concern" name="concern" type="checkbox" defaultChecked={v.concern === "on"} aria-describedby="concern-hint" className="mt-1 size-5" />
          <label htmlFor="concern">{t("concern")}</label>
        </div>
        <p id="concern-hint" className="mt-1 text-sm text-stone-800">
          {t("concernHint")}
        </p>
        <Field id="concernText" label={t("concernText")} error={err("concernText")}>
          {(p) => <textarea {...p} name="concernText" rows={3} defaultValue={v.concernText} className={inputClass} />}
        </Field>
        <Field id="contact" label={t("contact")} hint={t("contactHint")} error={err("contact")}>
          {(p) => <input {...p} name="contact" autoComplete="off" defaultValue={v.contact} className={inputClass} />}
        </Field>
        <fieldset className="mt-4">
          <legend className="font-semibold">{tw("handoverLegend")}</legend>
          <p id="handover-hint" className="text-sm text-stone-800">
            {tw("handoverHint")}
          </p>
          <div className="mt-2 flex items-start gap-2">
            <input id="handover" name="handover" type="checkbox" defaultChecked={v.handover === "on"} aria-describedby="handover-hint" className="mt-1 size-5 shrink-0" />
            <label htmlFor="handover">{tw("handover")}</label>
          </div>
          <div className="mt-2 flex items-start gap-2">
            <input id="handoverContact" name="handoverContact" type="checkbox" defaultChecked={v.handoverContact === "on"} className="mt-1 size-5 shrink-0" />
            <label htmlFor="handoverContact">{tw("handoverContact")}</label>
          </div>
        </fieldset>
        {!kiosk && (
          <p className="mt-2 text-sm">
            <Link href="/privacy#concern">{t("privacyLink")}</Link>
          </p>
        )}
      </fieldset>

      {!concernOnly && (
        // Last and folded: the rating is the tap that matters, and the answer stays anonymous without a code.
        <details open={Boolean(state.errors?.visitorCode || v.visitorCode)} className="rounded-lg border border-stone-300 bg-white p-3">
          <summary className="cursor-pointer font-semibold">{tq("codeSummary")}</summary>
          <div className="mt-2">
            <VisitorCodeField defaultValue={v.visitorCode} error={state.errors?.visitorCode} quietDays={quietDays} />
          </div>
        </details>
      )}

      <SubmitButton label={t("submit")} pending={t("submitting")} />
    </form>
  );
}
