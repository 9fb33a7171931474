"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { currentActor } from "@/lib/auth/current";
import { fieldErrors, localeOf, readValues } from "@/lib/forms";
import { isLocale } from "@/lib/i18n/locales";
import { assignConcernSchema, concernActionSchema, publishFormSchema, takeConcernSchema } from "./schemas";
import { assignConcern, markHandled, publishYouSaidWeDid, recordConcernAction, takeConcern } from "./writes";

// Each action reads the actor from the database; the domain functions refuse anyone but planners and admins.

export async function markHandledAction(formData: FormData): Promise<void> {
  const id = Number(formData.get("responseId"));
  if (!Number.isInteger(id)) return;
  markHandled(getDb(), await currentActor(), id, formData.get("handled") === "1");
  revalidatePath("/[locale]/plan/feedback", "page");
}

export type ConcernActionState = { error?: string; note: string; status: string; saved?: boolean };

export async function concernActionAction(_prev: ConcernActionState, formData: FormData): Promise<ConcernActionState> {
  const note = String(formData.get("note") ?? "");
  const status = String(formData.get("status") ?? "");
  const parsed = concernActionSchema.safeParse({ note, status, concernId: formData.get("concernId") });
  if (!parsed.success) {
    const noteIssue = parsed.error.issues.find((i) => i.path[0] === "note");
    return { error: noteIssue?.message ?? "forbidden", note, status };
  }
  const { concernId, note: cleanNote, status: newStatus } = parsed.data;
  const result = recordConcernAction(getDb(), await currentActor(), concernId, cleanNote, newStatus);
  if (!result.ok) return { error: "forbidden", note, status };
  revalidatePath("/[locale]/plan/feedback/concerns/[id]", "page");
  revalidatePath("/[locale]/plan/feedback", "page");
  return { note: "", status: newStatus, saved: true };
}

/** Back to the concern with what happened in the URL, so the plain form works without JavaScript too. */
function backToConcern(locale: string, concernId: number, query: string): never {
  revalidatePath("/[locale]/plan/feedback", "page");
  revalidatePath("/[locale]/plan/feedback/concerns/[id]", "page");
  redirect(`/${locale}/plan/feedback/concerns/${concernId}?${query}`);
}

export async function takeConcernAction(formData: FormData): Promise<void> {
  const locale = localeOf(formData);
  const parsed = takeConcernSchema.safeParse(readValues(formData));
  if (!parsed.success) redirect(`/${locale}/plan/feedback`);
  const result = takeConcern(getDb(), await currentActor(), parsed.data.concernId);
  backToConcern(locale, parsed.data.concernId, result.ok ? "done=taken" : `error=${result.error}`);
}

export async function assignConcernAction(formData: FormData): Promise<void> {
  const locale = localeOf(formData);
  const parsed = assignConcernSchema.safeParse(readValues(formData));
  if (!parsed.success) redirect(`/${locale}/plan/feedback`);
  const result = assignConcern(getDb(), await currentActor(), parsed.data.concernId, parsed.data.ownerId);
  backToConcern(locale, parsed.data.concernId, result.ok ? "done=assigned" : `error=${result.error}`);
}

export type PublishState = { errors?: Record<string, string>; values: Record<string, string>; saved?: boolean };

export async function publishAction(_prev: PublishState, formData: FormData): Promise<PublishState> {
  const values = readValues(formData);
  const parsed = publishFormSchema.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const text = parsed.data;
  const placeId = values.place ? Number(values.place) : null;
  const result = publishYouSaidWeDid(getDb(), await currentActor(), {
    placeId: Number.isInteger(placeId) ? placeId : null,
    said: { fi: text.said_fi, sv: text.said_sv, en: text.said_en },
    did: { fi: text.did_fi, sv: text.did_sv, en: text.did_en },
  });
  if (!result.ok) return { errors: { form: "forbidden" }, values };
  const locale = String(formData.get("locale"));
  if (isLocale(locale)) revalidatePath(`/${locale}/you-said-we-did`);
  return { values: {}, saved: true };
}
