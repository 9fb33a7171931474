"use client";
import { useActionState } from "react";
import { lostLinkAction, type LostLinkState } from "@/lib/booking/actions";
import { Field, inputClass } from "@/components/ui/Field";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { ErrorSummary } from "@/components/ui/ErrorSummary";

type Labels = { field: string; hint: string; submit: string; pending: string; invalid: string; rateLimited: string; checkFields: string };

/** One field, a plain form posting to a server action: it works before (or without) JavaScript. The words come from the page. */
export function LostLinkForm({ locale, labels }: { locale: string; labels: Labels }) {
  const [state, action] = useActionState<LostLinkState, FormData>(lostLinkAction, { values: {} });
  const error = state.error ? labels.invalid : undefined;
  return (
    <form action={action} noValidate className="mt-4">
      <input type="hidden" name="locale" value={locale} />
      {(state.error || state.formError) && (
        <ErrorSummary
          attempt={state}
          title={state.formError ? labels.rateLimited : labels.checkFields}
          errors={error ? [{ field: "address", message: error }] : []}
        />
      )}
      <Field id="address" label={labels.field} hint={labels.hint} error={error}>
        {(p) => <input {...p} name="address" type="text" inputMode="email" autoComplete="email" defaultValue={state.values.address} className={inputClass} />}
      </Field>
      <SubmitButton label={labels.submit} pending={labels.pending} />
    </form>
  );
}
