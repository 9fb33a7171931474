"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { currentActor } from "@/lib/auth/current";
import { sendInvitation } from "@/lib/auth/invite";
import { fieldErrors, localeOf, readValues, type PlanFormState } from "@/lib/forms";
import { inviteFormSchema, noticeFormSchema, roleFormSchema, userIdSchema } from "./schemas";
import { changeStaffRole, deactivateStaff, inviteStaff, setNoticeSettings } from "./writes";

// Each action reads who is signed in; the domain function decides, against the database, whether they may.

function back(locale: string, query: string): never {
  revalidatePath(`/${locale}/plan/staff`);
  redirect(`/${locale}/plan/staff?${query}`);
}

export async function inviteStaffAction(_prev: PlanFormState, formData: FormData): Promise<PlanFormState> {
  const values = readValues(formData);
  const locale = localeOf(formData);
  const parsed = inviteFormSchema.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const result = inviteStaff(getDb(), await currentActor(), parsed.data);
  if (!result.ok) {
    if (result.error === "emailTaken") return { errors: { email: "emailTaken" }, values };
    if (result.error === "adminOnly") return { errors: { role: "adminOnly" }, values };
    return { formError: result.error, values };
  }
  await sendInvitation(parsed.data.email, parsed.data.locale, parsed.data.role);
  back(locale, `invited=${encodeURIComponent(parsed.data.email)}`);
}

export async function changeRoleAction(formData: FormData): Promise<void> {
  const locale = localeOf(formData);
  const parsed = roleFormSchema.safeParse(readValues(formData));
  if (!parsed.success) back(locale, "error=unknownStaff");
  const result = changeStaffRole(getDb(), await currentActor(), parsed.data.userId, parsed.data.role);
  back(locale, result.ok ? "done=role" : `error=${result.error}`);
}

export async function deactivateStaffAction(formData: FormData): Promise<void> {
  const locale = localeOf(formData);
  const parsed = userIdSchema.safeParse(readValues(formData));
  if (!parsed.success) back(locale, "error=unknownStaff");
  const result = deactivateStaff(getDb(), await currentActor(), parsed.data.userId);
  back(locale, result.ok ? "done=deactivated" : `error=${result.error}`);
}

export async function noticeSettingsAction(_prev: PlanFormState, formData: FormData): Promise<PlanFormState> {
  const values = readValues(formData, ["places"]);
  const locale = localeOf(formData);
  const parsed = noticeFormSchema.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const result = setNoticeSettings(getDb(), await currentActor(), parsed.data);
  if (!result.ok) return { formError: result.error, values };
  back(locale, "done=notice");
}
