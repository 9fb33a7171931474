"use server";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { currentActor } from "@/lib/auth/current";
import { fieldErrors, localeOf, readValues, type PlanFormState } from "@/lib/forms";
import { organisationFormSchema } from "./schemas";
import { saveOrganisation } from "./writes";

export async function saveOrganisationAction(_prev: PlanFormState, formData: FormData): Promise<PlanFormState> {
  const values = readValues(formData);
  const locale = localeOf(formData);
  const parsed = organisationFormSchema.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const result = saveOrganisation(getDb(), await currentActor(), parsed.data);
  if (!result.ok) return { formError: result.error, values };
  redirect(`/${locale}/plan/welcome?saved=1`);
}
