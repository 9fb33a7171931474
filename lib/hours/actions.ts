"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { currentActor } from "@/lib/auth/current";
import { localeOr } from "@/lib/i18n/locales";
import { adjustHoursSchema } from "./schemas";
import { adjustHours } from "./writes";

/** One session's hours for one facilitator; back to the same view, saying what happened. */
export async function adjustHoursAction(formData: FormData): Promise<void> {
  const locale = localeOr(formData.get("locale"));
  const back = new URLSearchParams(String(formData.get("back") ?? ""));
  const parsed = adjustHoursSchema.safeParse(Object.fromEntries(formData));
  const result = parsed.success ? adjustHours(getDb(), await currentActor(), parsed.data) : { ok: false as const, error: "hoursInvalid" };
  back.delete("saved");
  back.delete("error");
  back.set(result.ok ? "saved" : "error", result.ok ? "1" : result.error);
  revalidatePath(`/${locale}/plan/hours`);
  redirect(`/${locale}/plan/hours?${back}`);
}
