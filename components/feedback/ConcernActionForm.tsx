"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { concernActionAction, type ConcernActionState } from "@/lib/feedback/staff-actions";
import { Field, inputClass } from "@/components/ui/Field";
import { SubmitButton } from "@/components/ui/SubmitButton";

// The same statuses as db/schema.ts concernStatuses, written here so the browser does not load the schema.
const concernStatuses = ["new", "taken", "contacted", "resolved"] as const;

/** Records what was done about a concern and its status after it. */
export function ConcernActionForm({ concernId, status }: { concernId: number; status: string }) {
  const t = useTranslations("feedback.plan");
  const te = useTranslations("errors");
  const [state, action] = useActionState<ConcernActionState, FormData>(concernActionAction, { note: "", status });
  const error = state.error === "noteRequired" ? t("noteRequired") : state.error === "forbidden" ? t("forbidden") : state.error ? te(state.error) : undefined;
  return (
    <form action={action} noValidate className="mt-6 rounded-lg bg-white p-4 shadow-sm">
      <input type="hidden" name="concernId" value={concernId} />
      <div aria-live="polite" role="status">
        {state.saved && <p className="font-medium text-brand-800">{t("recorded")}</p>}
      </div>
      <Field id="note" label={t("note")} error={error}>
        {(p) => <textarea {...p} name="note" rows={3} defaultValue={state.note} className={inputClass} />}
      </Field>
      <div className="mt-4">
        <label htmlFor="status" className="block font-medium">
          {t("status")}
        </label>
        {/* Keyed by the status: React resets a form after its action, and an uncontrolled
            select would fall back to the status it was first drawn with. */}
        <select key={state.status} id="status" name="status" defaultValue={state.status} className={`${inputClass} w-60`}>
          {concernStatuses.map((s) => (
            <option key={s} value={s}>
              {t(`status_${s}`)}
            </option>
          ))}
        </select>
      </div>
      <SubmitButton label={t("record")} pending={t("record")} />
    </form>
  );
}
