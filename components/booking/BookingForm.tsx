"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { bookSeat, type BookingFormState } from "@/lib/booking/actions";
import { Field, inputClass } from "@/components/ui/Field";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { Link } from "@/i18n/navigation";
import type { ReferralChannel } from "@/lib/referrals/channels";
import { HeardFromField } from "./HeardFromField";

type Props = {
  sessionId: number;
  locale: string;
  maxPartySize: number;
  full: boolean;
  retentionDays: number;
  /** Whether a mobile number is offered (an SMS provider is set up). */
  textMessages?: boolean;
  /** The countries text messages go to, in the page's language, for the message on a number elsewhere. */
  smsCountries?: string;
  /** How the parent heard of Kohtaamo, when a flyer's link said (prefills the optional question). */
  heardFrom?: ReferralChannel | null;
};

/** A plain form posting to a server action: it works before (or without) JavaScript. */
export function BookingForm({ sessionId, locale, maxPartySize, full, retentionDays, textMessages = false, smsCountries = "", heardFrom = null }: Props) {
  const t = useTranslations("booking");
  const te = useTranslations("errors");
  const [state, action] = useActionState<BookingFormState, FormData>(bookSeat, { values: {} });
  const v = state.values;
  const err = (field: keyof NonNullable<BookingFormState["errors"]>) => {
    const key = state.errors?.[field];
    return key ? te(key, { max: state.maxPartySize ?? maxPartySize, countries: smsCountries }) : undefined;
  };
  const hasErrors = state.formError || (state.errors && Object.keys(state.errors).length > 0);

  return (
    <form action={action} noValidate className="mt-2">
      <input type="hidden" name="sessionId" value={sessionId} />
      <input type="hidden" name="locale" value={locale} />

      {hasErrors && (
        <ErrorSummary
          attempt={state}
          title={state.formError ? te(state.formError, state.formErrorValues) : te("checkFields")}
          errors={Object.keys(state.errors ?? {}).map((f) => ({ field: f, message: err(f as keyof NonNullable<BookingFormState["errors"]>)! }))}
        />
      )}

      <Field id="nickname" label={t("nickname")} hint={t("nicknameHint")} error={err("nickname")}>
        {(p) => <input {...p} name="nickname" autoComplete="nickname" defaultValue={v.nickname} className={inputClass} />}
      </Field>

      <Field id="partySize" label={t("partySize")} hint={t("partySizeHint", { max: maxPartySize })} error={err("partySize")}>
        {(p) => (
          <select {...p} key={v.partySize ?? "1"} name="partySize" defaultValue={v.partySize ?? "1"} className={`${inputClass} w-24`}>
            {Array.from({ length: maxPartySize }, (_, i) => i + 1).map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        )}
      </Field>

      <Field id="email" label={t("email")} hint={t("emailHint")} error={err("email")}>
        {(p) => (
          <input {...p} name="email" type="email" autoComplete="email" inputMode="email" defaultValue={v.email} className={inputClass} />
        )}
      </Field>

      {textMessages && (
        <Field
          id="phone"
          label={t("phone")}
          hint={
            <>
              {t("phoneHint")} <Link href="/privacy#booking">{t("privacyLink")}</Link>
            </>
          }
          error={err("phone")}
        >
          {(p) => <input {...p} name="phone" type="tel" autoComplete="tel" inputMode="tel" defaultValue={v.phone} className={`${inputClass} w-56`} />}
        </Field>
      )}

      <Field id="visitorCode" label={t("visitorCode")} hint={t("visitorCodeHint")} error={err("visitorCode")}>
        {(p) => (
          <input {...p} name="visitorCode" autoComplete="off" autoCapitalize="characters" spellCheck={false} defaultValue={v.visitorCode} className={`${inputClass} w-40 font-mono uppercase`} />
        )}
      </Field>

      <fieldset className="mt-6 rounded border border-stone-300 p-3">
        <legend className="px-1 font-semibold">{t("needs")}</legend>
        <Field id="interpreterLanguage" label={t("interpreter")} hint={t("interpreterHint")} error={err("interpreterLanguage")}>
          {(p) => <input {...p} name="interpreterLanguage" defaultValue={v.interpreterLanguage} className={inputClass} />}
        </Field>
        <Field id="accessibilityNeeds" label={t("accessibility")} error={err("accessibilityNeeds")}>
          {(p) => <textarea {...p} name="accessibilityNeeds" rows={2} defaultValue={v.accessibilityNeeds} className={inputClass} />}
        </Field>
        <div className="mt-4 flex items-start gap-2">
          <input
            id="childcare"
            name="childcare"
            type="checkbox"
            defaultChecked={v.childcare === "on"}
            className="mt-1 size-5"
          />
          <label htmlFor="childcare">{t("childcare")}</label>
        </div>
      </fieldset>

      <HeardFromField defaultValue={(v.heardFrom as ReferralChannel | undefined) ?? heardFrom} />

      {/* No consent box: a nickname-only booking has nothing to consent to, and what an
          e-mail address or needs are for, and for how long, is said here once and on the privacy page. */}
      <p id="data-use" className="mt-6 text-sm text-stone-800">
        {t("dataUse", { days: retentionDays })} <Link href="/privacy#booking">{t("privacyLink")}</Link>
      </p>

      <SubmitButton label={full ? t("submitWaitlist") : t("submit")} pending={t("submitting")} />
    </form>
  );
}
