"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { createScheduleAction, updateSessionAction } from "@/lib/schedule/actions";
import type { FormValues, PlanFormState } from "@/lib/forms";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { ForProfessionals } from "./ForProfessionals";
import { CheckboxGroup, FormErrors, LocalizedFields, SelectField, TextField, useFormState } from "./form";

export type SessionFormMode = "once" | "series" | "group" | "edit";

type Props = {
  mode: SessionFormMode;
  locale: string;
  places: { id: number; name: string }[];
  /** Active staff to assign; not shown when editing (the session page has its own form for that). */
  staff?: { id: string; name: string }[];
  /** Editing a group's meeting: its kind and seats belong to the group. */
  groupMeeting?: boolean;
  initial: FormValues;
  /** The words in the saved title that tell a bystander too much (lib/schedule/discreet.ts), checked on the server. */
  titleWords?: string[];
};

const SINGLE_KINDS = ["drop_in", "info_evening", "codevelopment"] as const;
const APP_LANGUAGES = ["fi", "sv", "en"] as const;

/**
 * One form for every way of putting sessions on the schedule: a single
 * meeting, a weekly series, a group of weekly meetings, or editing one session.
 */
export function SessionForm({ mode, locale, places, staff = [], groupMeeting = false, initial, titleWords = [] }: Props) {
  const t = useTranslations("plan.session");
  const tk = useTranslations("kinds");
  const tw = useTranslations("plan.weekdays");
  const tl = useTranslations("plan.languageNames");
  const [state, action] = useActionState<PlanFormState, FormData>(mode === "edit" ? updateSessionAction : createScheduleAction, {
    values: initial,
  });
  const form = useFormState(state);
  // After a submit the action's check (of what was typed) counts; before, the page's (of what is saved).
  const telling = state.values === initial ? titleWords : (state.titleWords ?? []);
  const weekly = mode === "series" || mode === "group";
  const submit = { once: t("createOnce"), series: t("createSeries"), group: t("createGroup"), edit: t("save") }[mode];

  return (
    <form action={action} noValidate className="mt-4">
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="mode" value={mode} />
      {mode === "edit" && <input type="hidden" name="sessionId" value={form.value("sessionId")} />}
      <FormErrors state={state} />

      <SelectField form={form} name="placeId" label={t("place")} options={places.map((p) => ({ value: String(p.id), label: p.name }))} empty={t("choosePlace")} />
      {mode === "group" || groupMeeting ? (
        <input type="hidden" name="kind" value="group" />
      ) : (
        <SelectField form={form} name="kind" label={t("kind")} options={SINGLE_KINDS.map((k) => ({ value: k, label: tk(k) }))} empty={t("chooseKind")} />
      )}

      <fieldset className="mt-6 rounded border border-stone-300 p-3">
        <legend className="px-1 font-semibold">{t("when")}</legend>
        {weekly ? (
          <>
            <SelectField
              form={form}
              name="weekday"
              label={t("weekday")}
              options={["1", "2", "3", "4", "5", "6", "7"].map((d) => ({ value: d, label: tw(d) }))}
              empty={t("chooseWeekday")}
            />
            <div className="grid gap-x-4 sm:grid-cols-2">
              <TextField form={form} name="fromDate" type="date" label={t("fromDate")} />
              <TextField form={form} name="toDate" type="date" label={t("toDate")} />
            </div>
          </>
        ) : (
          <TextField form={form} name="date" type="date" label={t("date")} className="sm:w-56" />
        )}
        <div className="grid gap-x-4 sm:grid-cols-2">
          <TextField form={form} name="startTime" type="time" label={t("startTime")} hint={t("timeHint")} />
          <TextField form={form} name="endTime" type="time" label={t("endTime")} hint={t("timeHint")} />
        </div>
        {weekly && <TextField form={form} name="skipDates" label={t("skipDates")} hint={t("skipDatesHint")} multiline />}
      </fieldset>

      <LocalizedFields form={form} name="title" label={mode === "group" ? t("groupTitle") : t("title")} hint={t("titleHint")}
        warning={telling.length > 0 ? t("titleWarning", { words: telling.map((w) => `“${w}”`).join(", ") }) : undefined}
      />
      <LocalizedFields form={form} name="description" label={t("description")} multiline />
      <LocalizedFields form={form} name="audience" label={t("audience")} hint={t("audienceHint")} />
      <ForProfessionals checked={form.value("forProfessionals") === "on"} />

      <CheckboxGroup
        form={form}
        name="languages"
        legend={t("languages")}
        options={APP_LANGUAGES.map((l) => ({ value: l, label: tl(l) }))}
      >
        <TextField form={form} name="otherLanguages" label={t("otherLanguages")} hint={t("otherLanguagesHint")} />
      </CheckboxGroup>

      {!groupMeeting && (
        <fieldset className="mt-6 rounded border border-stone-300 p-3">
          <legend className="px-1 font-semibold">{t("booking")}</legend>
          <div className="grid gap-x-4 sm:grid-cols-2">
            <TextField
              form={form}
              name="capacity"
              inputMode="numeric"
              label={mode === "group" ? t("groupCapacity") : t("capacity")}
              hint={mode === "group" ? t("groupCapacityHint") : t("capacityHint")}
            />
            <TextField form={form} name="maxPartySize" inputMode="numeric" label={t("maxPartySize")} hint={t("maxPartySizeHint")} />
          </div>
        </fieldset>
      )}

      {mode !== "edit" && staff.length > 0 && (
        <CheckboxGroup
          form={form}
          name="facilitators"
          legend={t("facilitators")}
          hint={weekly ? t("facilitatorsAllHint") : undefined}
          options={staff.map((s) => ({ value: s.id, label: s.name }))}
        />
      )}

      <SubmitButton label={submit} pending={t("saving")} />
    </form>
  );
}
