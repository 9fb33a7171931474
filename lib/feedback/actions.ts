"use server";
import { randomBytes } from "node:crypto";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { currentActor } from "@/lib/auth/current";
import { allowAttempt } from "@/lib/http/rate-limit";
import { clientAddress } from "@/lib/http/client-address";
import { ownCookie } from "@/lib/http/cookies";
import { fieldErrors, localeOf, readValues } from "@/lib/forms";
import { feedbackFormSchema, type FeedbackField } from "./schemas";
import { submitFeedback, type Answerer } from "./writes";
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

/** The kiosk's two hidden fields (components/feedback/FeedbackKiosk): its session and this parent's turn. */
const kioskFields = z.object({ kioskSession: z.coerce.number().int().positive(), kioskTurn: z.string().regex(/^[A-Za-z0-9_-]{22}$/) });

/**
 * The parents' feedback, from their own phone or from the feedback kiosk on
 * the meeting place's tablet: the same form, rules and checks. The kiosk's
 * answer is one per turn and only from a staff member who runs the session
 * (submitFeedback), and it stays in the kiosk: thanked there, never on the
 * parents' pages with their links out.
 */
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
  const fromKiosk = formData.has("kioskTurn") ? kioskFields.safeParse({ kioskSession: formData.get("kioskSession"), kioskTurn: formData.get("kioskTurn") }) : null;
  if (fromKiosk && !fromKiosk.success) return { formError: "kioskForbidden", values };
  const kiosk = fromKiosk?.data ?? null;
  const answerer: Answerer = kiosk ? { kioskTurn: kiosk.kioskTurn, sessionId: kiosk.kioskSession, actor: await currentActor() } : await deviceId();
  const result = submitFeedback(getDb(), key, parsed.data, locale, answerer);
  if (!result.ok && result.reason === "visitorCodeShape") return { errors: { visitorCode: "visitorCodeShape" }, formError: "check", values };
  if (!result.ok) return { formError: result.reason, values };
  if (kiosk) redirect(`/${locale}/host/sessions/${kiosk.kioskSession}/kiosk?answered=1${parsed.data.concernText ? "&concern=1" : ""}`);
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
