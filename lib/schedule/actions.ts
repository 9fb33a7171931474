"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { tellingTitleWords } from "./discreet";
import type { z } from "zod";
import { getDb, type DB } from "@/db/client";
import type { Actor } from "@/lib/auth/staff";
import { currentActor } from "@/lib/auth/current";
import { translatorFor } from "@/lib/i18n/translator";
import type { Locale } from "@/lib/i18n/locales";
import { fieldErrors, localeOf, readValues, type PlanFormState } from "@/lib/forms";
import { archivePlace, createPlace, restorePlace, updatePlace } from "./place-writes";
import {
  editFormSchema,
  facilitatorsFormSchema,
  groupEditFormSchema,
  groupFormSchema,
  MULTI_FIELDS,
  onceFormSchema,
  placeFormSchema,
  seriesCancelFormSchema,
  seriesFormSchema,
} from "./schemas";
import { cancelSeriesFrom, cancelSession, updateGroup, createGroup, createSeries, createSession, setFacilitators, updateSession, type Clash, type CreateResult, type ScheduleRefusal } from "./writes";

// Thin on purpose: each action reads who is signed in and hands that to the domain
// function, which refuses anyone who is not a planner or admin in the database.

function done(locale: Locale, path: string): never {
  revalidatePath(`/${locale}/plan`, "layout");
  redirect(`/${locale}/plan${path}`);
}

const idOf = (formData: FormData, name: string) => {
  const n = Number(formData.get(name));
  return Number.isInteger(n) && n > 0 ? n : 0;
};

// ---------------------------------------------------------------- places

export async function savePlaceAction(_prev: PlanFormState, formData: FormData): Promise<PlanFormState> {
  const values = readValues(formData);
  const locale = localeOf(formData);
  const parsed = placeFormSchema.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const placeId = idOf(formData, "placeId");
  const actor = await currentActor();
  const result = placeId ? updatePlace(getDb(), actor, placeId, parsed.data) : createPlace(getDb(), actor, parsed.data);
  if (!result.ok) return { formError: result.error, values };
  done(locale, `/places?saved=${result.id}`);
}

export async function archivePlaceAction(formData: FormData): Promise<void> {
  const locale = localeOf(formData);
  const placeId = idOf(formData, "placeId");
  const restore = formData.get("restore") === "1";
  const actor = await currentActor();
  const result = restore ? restorePlace(getDb(), actor, placeId) : archivePlace(getDb(), actor, placeId);
  if (!result.ok) redirect(`/${locale}/plan/places/${placeId}?error=${result.error}`);
  done(locale, `/places/${placeId}?done=${restore ? "restored" : "archived"}`);
}

// ---------------------------------------------------------------- sessions

/** "24.3.2026 18.00–19.30 Drop-in": which existing session is in the way, in the planner's language. */
function describeClashes(clashes: Clash[], locale: Locale): string {
  const { format } = translatorFor(locale);
  return clashes
    .map((c) => `${format.dateTimeRange(c.startsAt, c.endsAt, { dateStyle: "medium", timeStyle: "short" })} (${c.title[locale]})`)
    .join("; ");
}

function refusalState(r: ScheduleRefusal, values: PlanFormState["values"], locale: Locale): PlanFormState {
  if (r.error === "capacityBelowBooked") return { errors: { capacity: "capacityTooFew" }, formError: r.error, formParams: { booked: r.booked ?? 0 }, values };
  if (r.error === "clash") return { formError: "clash", formParams: { count: r.clashes!.length, dates: describeClashes(r.clashes!, locale) }, values };
  if (r.field) return { errors: { [r.field]: r.error }, values };
  return { formError: r.error, values };
}

/** A one-off session, a weekly series or a group, depending on the form's mode. */
export async function createScheduleAction(prev: PlanFormState, formData: FormData): Promise<PlanFormState> {
  return warnOfTitle(await createSchedule(prev, formData), readValues(formData, MULTI_FIELDS));
}

/** A form shown again (after any refusal) says beside the title which words in it tell too much. */
function warnOfTitle(state: PlanFormState, values: PlanFormState["values"]): PlanFormState {
  const titleWords = tellingTitleWords(values);
  return titleWords.length > 0 ? { ...state, titleWords } : state;
}

async function createSchedule(_prev: PlanFormState, formData: FormData): Promise<PlanFormState> {
  const values = readValues(formData, MULTI_FIELDS);
  const locale = localeOf(formData);
  const mode = formData.get("mode");
  const create = async <T extends { placeId: number }>(schema: z.ZodType<T, unknown>, write: (db: DB, actor: Actor | null, input: T) => CreateResult) => {
    const parsed = schema.safeParse(values);
    if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
    const result = write(getDb(), await currentActor(), parsed.data);
    if (!result.ok) return refusalState(result, values, locale);
    done(locale, `?place=${parsed.data.placeId}&created=${result.sessionIds.length}`);
  };
  if (mode === "once") return create(onceFormSchema, createSession);
  if (mode === "series") return create(seriesFormSchema, createSeries);
  if (mode === "group") return create(groupFormSchema, createGroup);
  return { formError: "checkFields", values };
}

export async function updateSessionAction(prev: PlanFormState, formData: FormData): Promise<PlanFormState> {
  return warnOfTitle(await updateSessionForm(prev, formData), readValues(formData, MULTI_FIELDS));
}

async function updateSessionForm(_prev: PlanFormState, formData: FormData): Promise<PlanFormState> {
  const values = readValues(formData, MULTI_FIELDS);
  const locale = localeOf(formData);
  const parsed = editFormSchema.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const result = updateSession(getDb(), await currentActor(), parsed.data);
  if (!result.ok) return refusalState(result, values, locale);
  done(locale, `/sessions/${parsed.data.sessionId}?saved=1${result.moved ? `&told=${result.told}` : ""}${result.promoted ? `&promoted=${result.promoted}` : ""}`);
}

export async function cancelSessionAction(formData: FormData): Promise<void> {
  const locale = localeOf(formData);
  const sessionId = idOf(formData, "sessionId");
  const result = cancelSession(getDb(), await currentActor(), sessionId);
  if (!result.ok) redirect(`/${locale}/plan/sessions/${sessionId}?error=${result.error}`);
  done(locale, `/sessions/${sessionId}?cancelled=${result.told}`);
}

export async function setFacilitatorsAction(formData: FormData): Promise<void> {
  const locale = localeOf(formData);
  const parsed = facilitatorsFormSchema.safeParse(readValues(formData, MULTI_FIELDS));
  const sessionId = idOf(formData, "sessionId");
  if (!parsed.success) redirect(`/${locale}/plan/sessions/${sessionId}?error=unknownSession`);
  const result = setFacilitators(getDb(), await currentActor(), parsed.data);
  if (!result.ok) redirect(`/${locale}/plan/sessions/${sessionId}?error=${result.error}`);
  done(locale, `/sessions/${sessionId}?assigned=${result.sessionIds.length}`);
}

/** A group's own title, description and seats; back to the meeting the planner came from. */
export async function updateGroupAction(_prev: PlanFormState, formData: FormData): Promise<PlanFormState> {
  const values = readValues(formData);
  const locale = localeOf(formData);
  const parsed = groupEditFormSchema.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const result = updateGroup(getDb(), await currentActor(), parsed.data);
  if (!result.ok) return refusalState(result, values, locale);
  done(locale, `/sessions/${idOf(formData, "sessionId")}?groupSaved=1&promoted=${result.promoted}`);
}

/** Every meeting of a weekly series from a date on, each booker told. */
export async function cancelSeriesAction(_prev: PlanFormState, formData: FormData): Promise<PlanFormState> {
  const values = readValues(formData);
  const locale = localeOf(formData);
  const parsed = seriesCancelFormSchema.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const result = cancelSeriesFrom(getDb(), await currentActor(), parsed.data);
  if (!result.ok) return refusalState(result, values, locale);
  done(locale, `/sessions/${parsed.data.sessionId}?seriesCancelled=${result.cancelled}&told=${result.told}`);
}
