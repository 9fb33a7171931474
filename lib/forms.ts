import type { z } from "zod";
import { localeOr, type Locale } from "@/lib/i18n/locales";

/*
 * Form state for every form (the parents' booking and feedback, the planners'
 * forms): what was typed goes back into the form after an error, and each
 * field's first error sits next to it.
 */

/** What was typed, as strings (several for checkboxes), to put back into the form after an error. */
export type FormValues = Record<string, string | string[]>;

/** The state a planners' form keeps between submits: error keys under "plan.errors", and the typed values. */
export type PlanFormState = {
  errors?: Record<string, string>;
  formError?: string;
  formParams?: Record<string, string | number>;
  /** A session's title uses words that tell a bystander too much (lib/schedule/discreet.ts): a warning, never a refusal. */
  titleWords?: string[];
  values: FormValues;
};

export function readValues(formData: FormData): Record<string, string>;
export function readValues(formData: FormData, multi: readonly string[]): FormValues;
export function readValues(formData: FormData, multi: readonly string[] = []): FormValues {
  const values: FormValues = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$")) continue; // React's own fields for server actions
    const all = formData.getAll(key).filter((v): v is string => typeof v === "string");
    values[key] = multi.includes(key) ? all : (all[0] ?? "");
  }
  return values;
}

/** The first message per field; a field's error names what to fix next to it. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message;
  }
  return errors;
}

export const localeOf = (formData: FormData): Locale => localeOr(formData.get("locale"));
