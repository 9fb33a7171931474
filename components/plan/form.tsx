"use client";
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { PlanFormState } from "@/lib/forms";
import { Field, inputClass } from "@/components/ui/Field";
import { Notice } from "@/components/ui/Notice";

/**
 * Reads a planners' form state: the typed value of a field, and its error in
 * the planner's language. `idPrefix` keeps ids unique when two forms on one
 * page have fields of the same name.
 */
export function useFormState(state: PlanFormState, idPrefix = "") {
  const t = useTranslations("plan.errors");
  const error = (field: string) => {
    const key = state.errors?.[field];
    if (!key) return undefined;
    return t.has(key) ? t(key) : t("checkField");
  };
  const value = (field: string) => {
    const v = state.values[field];
    return typeof v === "string" ? v : "";
  };
  const values = (field: string) => {
    const v = state.values[field];
    return Array.isArray(v) ? v : typeof v === "string" && v ? [v] : [];
  };
  const idOf = (field: string) => (idPrefix ? `${idPrefix}-${field}` : field);
  return { error, value, values, idOf };
}

/** At the top of the form, read out when the server answers: what went wrong as a whole, or to look below. */
export function FormErrors({ state }: { state: PlanFormState }) {
  const t = useTranslations("plan.errors");
  const hasFieldErrors = state.errors && Object.keys(state.errors).length > 0;
  const message = state.formError
    ? t.has(state.formError)
      ? t(state.formError, state.formParams)
      : t("unexpected")
    : hasFieldErrors
      ? t("checkFields")
      : null;
  return (
    <div aria-live="polite" role="status">
      {message && (
        <div className="mt-3">
          <Notice tone="error">{message}</Notice>
        </div>
      )}
    </div>
  );
}

type Form = ReturnType<typeof useFormState>;

export function TextField({
  form,
  name,
  label,
  hint,
  type = "text",
  multiline = false,
  className = "",
  ...rest
}: {
  form: Form;
  name: string;
  label: string;
  hint?: string;
  type?: string;
  multiline?: boolean;
  className?: string;
  autoComplete?: string;
  inputMode?: "numeric" | "email" | "text" | "tel";
}) {
  return (
    <Field id={form.idOf(name)} label={label} hint={hint} error={form.error(name)}>
      {(p) =>
        multiline ? (
          <textarea {...p} name={name} rows={3} defaultValue={form.value(name)} className={`${inputClass} ${className}`} />
        ) : (
          <input {...p} {...rest} name={name} type={type} defaultValue={form.value(name)} className={`${inputClass} ${className}`} />
        )
      }
    </Field>
  );
}

export function SelectField({
  form,
  name,
  label,
  hint,
  options,
  empty,
}: {
  form: Form;
  name: string;
  label: string;
  hint?: string;
  options: { value: string; label: string }[];
  empty?: string;
}) {
  return (
    <Field id={form.idOf(name)} label={label} hint={hint} error={form.error(name)}>
      {(p) => (
        <select {...p} key={form.value(name)} name={name} defaultValue={form.value(name)} className={`${inputClass} sm:w-auto`}>
          {empty !== undefined && <option value="">{empty}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** The same text in Finnish, Swedish and English, grouped under one legend. */
export function LocalizedFields({
  form,
  name,
  label,
  hint,
  warning,
  multiline = false,
}: {
  form: Form;
  name: string;
  label: string;
  hint?: string;
  /** Said beside the fields, and read with the legend (not an error: the value is saved as typed). */
  warning?: string;
  multiline?: boolean;
}) {
  const t = useTranslations("plan.form");
  return (
    <fieldset className="mt-6 rounded border border-stone-300 p-3" aria-describedby={warning ? `${name}-warning` : undefined}>
      <legend className="px-1 font-semibold">{label}</legend>
      {hint && <p className="text-sm text-stone-700">{hint}</p>}
      {warning && (
        <p id={`${name}-warning`} className="mt-2 rounded border-l-4 border-amber-600 bg-amber-50 p-2 font-medium text-amber-950" data-testid={`${name}-warning`}>
          {warning}
        </p>
      )}
      <TextField form={form} name={`${name}Fi`} label={t("inFi", { field: label })} multiline={multiline} />
      <TextField form={form} name={`${name}Sv`} label={t("inSv", { field: label })} multiline={multiline} />
      <TextField form={form} name={`${name}En`} label={t("inEn", { field: label })} multiline={multiline} />
    </fieldset>
  );
}

export function CheckboxGroup({
  form,
  name,
  legend,
  hint,
  options,
  children,
}: {
  form: Form;
  name: string;
  legend: string;
  hint?: string;
  options: { value: string; label: string }[];
  children?: ReactNode;
}) {
  const error = form.error(name);
  const checked = form.values(name);
  const describedBy = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset className="mt-6 rounded border border-stone-300 p-3" aria-describedby={describedBy}>
      <legend className="px-1 font-semibold">{legend}</legend>
      {hint && (
        <p id={`${name}-hint`} className="text-sm text-stone-700">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${name}-error`} className="mt-1 font-medium text-red-800">
          {error}
        </p>
      )}
      <ul className="mt-2 space-y-2">
        {options.map((o) => (
          <li key={o.value} className="flex items-start gap-2">
            <input
              id={`${name}-${o.value}`}
              type="checkbox"
              name={name}
              value={o.value}
              defaultChecked={checked.includes(o.value)}
              className="mt-1 size-5"
            />
            <label htmlFor={`${name}-${o.value}`}>{o.label}</label>
          </li>
        ))}
      </ul>
      {children}
    </fieldset>
  );
}
