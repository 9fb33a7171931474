"use server";
import { randomBytes } from "node:crypto";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { allowAttempt } from "@/lib/http/rate-limit";
import { clientAddress } from "@/lib/http/client-address";
import { ownCookie } from "@/lib/http/cookies";
import { fieldErrors, localeOf, readValues } from "@/lib/forms";
import { feedbackFormSchema, type FeedbackField } from "./schemas";
import { submitFeedback } from "./writes";
import { professionalFormSchema, submitProfessionalFeedback, type ProfessionalField } from "./professionals";

export type FeedbackState = {
  errors?: Partial<Record<FeedbackField, string>>;
  formError?: string;
  values: Record<string, string>;
};

const DEVICE_COOKIE = "kohtaamo_device";

/** A random id for this browser, kept in a cookie, so one device answers once per session. */
async function deviceId(): Promise<string> {
  const jar = await cookies();
  const existing = jar.get(DEVICE_COOKIE)?.value;
  if (existing && /^[A-Za-z0-9_-]{22}$/.test(existing)) return existing;
  const id = randomBytes(16).toString("base64url");
  jar.set(DEVICE_COOKIE, id, ownCookie(365 * 86_400));
  return id;
}

export async function submitFeedbackAction(_prev: FeedbackState, formData: FormData): Promise<FeedbackState> {
  const values = readValues(formData);
  const key = String(formData.get("key") ?? "");
  const locale = localeOf(formData);

  if (!(await allowAttempt("feedback", await clientAddress()))) return { formError: "rateLimited", values };
  const parsed = feedbackFormSchema.safeParse(values);
  if (!parsed.success) {
    const { form, ...errors } = fieldErrors(parsed.error);
    return { errors, formError: form ?? "check", values };
  }
  const result = submitFeedback(getDb(), key, parsed.data, locale, await deviceId());
  if (!result.ok && result.reason === "visitorCodeShape") return { errors: { visitorCode: "visitorCodeShape" }, formError: "check", values };
  if (!result.ok) return { formError: result.reason, values };
  if (result.recent && !parsed.data.concernText) redirect(`/${locale}/feedback/${key}?recent=1`);
  // The thanks page promises a reply only to a parent who left a contact; it never sees the contact itself.
  const query = [parsed.data.concernText ? "concern=1" : null, parsed.data.concernText && parsed.data.contact ? "contact=1" : null, result.recent ? "recent=1" : null]
    .filter(Boolean)
    .join("&");
  redirect(`/${locale}/feedback/${key}/thanks${query ? `?${query}` : ""}`);
}

export type ProfessionalState = { errors?: Partial<Record<ProfessionalField, string>>; formError?: string; values: Record<string, string> };

/** The professionals' own form, through the same feedback link. */
export async function submitProfessionalFeedbackAction(_prev: ProfessionalState, formData: FormData): Promise<ProfessionalState> {
  const values = readValues(formData) as Record<string, string>;
  const key = String(formData.get("key") ?? "");
  const locale = localeOf(formData);
  if (!(await allowAttempt("feedback", await clientAddress()))) return { formError: "rateLimited", values };
  const parsed = professionalFormSchema.safeParse(values);
  if (!parsed.success) {
    const { form, ...errors } = fieldErrors(parsed.error);
    return { errors, formError: form ?? "check", values };
  }
  const result = submitProfessionalFeedback(getDb(), key, parsed.data, locale, await deviceId());
  if (!result.ok) return { formError: result.reason, values };
  // The thanks without the parents' offer to become a development client.
  redirect(`/${locale}/feedback/${key}/thanks?pro=1`);
}
