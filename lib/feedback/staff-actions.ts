"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { concernStatuses } from "@/db/schema";
import { currentActor } from "@/lib/auth/current";
import { isLocale } from "@/lib/i18n/locales";
import { markHandled, publishYouSaidWeDid, recordConcernAction } from "./writes";

// Each action reads the actor from the database; the domain functions refuse anyone but planners and admins.

export async function markHandledAction(formData: FormData): Promise<void> {
  const id = Number(formData.get("responseId"));
  if (!Number.isInteger(id)) return;
  markHandled(getDb(), await currentActor(), id, formData.get("handled") === "1");
  revalidatePath("/[locale]/plan/feedback", "page");
}

export type ConcernActionState = { error?: string; note: string; status: string; saved?: boolean };

export async function concernActionAction(_prev: ConcernActionState, formData: FormData): Promise<ConcernActionState> {
  const note = String(formData.get("note") ?? "").trim();
  const status = String(formData.get("status") ?? "");
  const id = Number(formData.get("concernId"));
  if (!note) return { error: "noteRequired", note, status };
  if (note.length > 2000) return { error: "tooLong", note, status };
  const parsed = z.enum(concernStatuses).safeParse(status);
  if (!parsed.success || !Number.isInteger(id)) return { error: "forbidden", note, status };
  const result = recordConcernAction(getDb(), await currentActor(), id, note, parsed.data);
  if (!result.ok) return { error: "forbidden", note, status };
  revalidatePath("/[locale]/plan/feedback/concerns/[id]", "page");
  return { note: "", status: parsed.data, saved: true };
}

export type PublishState = { errors?: Record<string, string>; values: Record<string, string>; saved?: boolean };

const FIELDS = ["said_fi", "said_sv", "said_en", "did_fi", "did_sv", "did_en"] as const;

export async function publishAction(_prev: PublishState, formData: FormData): Promise<PublishState> {
  const values: Record<string, string> = { place: String(formData.get("place") ?? "") };
  const errors: Record<string, string> = {};
  for (const f of FIELDS) {
    values[f] = String(formData.get(f) ?? "").trim();
    if (!values[f]) errors[f] = "required";
    else if (values[f].length > 1000) errors[f] = "tooLong";
  }
  if (Object.keys(errors).length) return { errors, values };
  const placeId = values.place ? Number(values.place) : null;
  const result = publishYouSaidWeDid(getDb(), await currentActor(), {
    placeId: Number.isInteger(placeId) ? placeId : null,
    said: { fi: values.said_fi!, sv: values.said_sv!, en: values.said_en! },
    did: { fi: values.did_fi!, sv: values.did_sv!, en: values.did_en! },
  });
  if (!result.ok) return { errors: { form: "forbidden" }, values };
  const locale = String(formData.get("locale"));
  if (isLocale(locale)) revalidatePath(`/${locale}/you-said-we-did`);
  return { values: {}, saved: true };
}
