"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { currentActor } from "@/lib/auth/current";
import { fieldErrors, localeOf, readValues, type PlanFormState } from "@/lib/forms";
import { countyFormSchema, firstCountyFormSchema } from "./schemas";
import { saveCounty } from "./writes";

/** Saves a county (new when countyId is empty); from the counties page, or the first-run page (`back=welcome`). */
export async function saveCountyAction(_prev: PlanFormState, formData: FormData): Promise<PlanFormState> {
  const values = readValues(formData);
  const locale = localeOf(formData);
  const firstRun = formData.get("back") === "welcome";
  const parsed = (firstRun ? firstCountyFormSchema : countyFormSchema).safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const raw = Number(formData.get("countyId"));
  const countyId = Number.isInteger(raw) && raw > 0 ? raw : null;
  const result = saveCounty(getDb(), await currentActor(), countyId, parsed.data);
  if (!result.ok) return { formError: result.error, values };
  revalidatePath(`/${locale}/plan`, "layout");
  redirect(firstRun ? `/${locale}/plan/welcome?county=${result.id}` : `/${locale}/plan/counties?saved=${result.id}`);
}
