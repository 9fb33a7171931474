"use server";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { currentActor } from "@/lib/auth/current";
import { feedbackLink } from "@/lib/feedback/reads";
import { fieldErrors, localeOf } from "@/lib/forms";
import { allowAttempt } from "@/lib/http/rate-limit";
import { clientAddress } from "@/lib/http/client-address";
import { inviteFormSchema, offerFormSchema, type OfferField } from "./schemas";
import { confirmOffer, inviteToPanel, offerToDevelop, renewOffer, withdrawOffer } from "./writes";

export type OfferState = { errors?: Partial<Record<OfferField, string>>; formError?: string; values: Record<string, string | string[]> };

/** After answering: the offer to take part in developing the service, reached only through a working feedback link; it waits for the address to be confirmed. */
export async function offerAction(_prev: OfferState, formData: FormData): Promise<OfferState> {
  const locale = localeOf(formData);
  const key = String(formData.get("key") ?? "");
  const values = {
    email: String(formData.get("email") ?? ""),
    languages: formData.getAll("languages").map(String),
    otherLanguages: String(formData.get("otherLanguages") ?? ""),
    consent: formData.get("consent") === "on" ? "on" : "",
  };
  if (!(await allowAttempt("feedback", await clientAddress()))) return { formError: "rateLimited", values };
  if (!feedbackLink(getDb(), key, new Date()).ok) return { formError: "expired", values };
  const parsed = offerFormSchema.safeParse({ ...values, consent: values.consent || undefined });
  if (!parsed.success) return { errors: fieldErrors(parsed.error) as OfferState["errors"], formError: "check", values };
  const { mailed } = offerToDevelop(getDb(), parsed.data, locale);
  redirect(`/${locale}/feedback/${key}/develop?done=1${mailed ? "" : "&held=1"}`);
}

/** From the confirmation e-mail's link: a plain form, so it works before JavaScript loads. */
export async function confirmAction(formData: FormData): Promise<void> {
  const locale = localeOf(formData);
  const token = String(formData.get("token") ?? "");
  const r = confirmOffer(getDb(), token);
  redirect(`/${locale}/develop/${encodeURIComponent(token)}${r.ok ? "?confirmed=1" : ""}`);
}

export async function renewAction(formData: FormData): Promise<void> {
  const locale = localeOf(formData);
  const token = String(formData.get("token") ?? "");
  const r = renewOffer(getDb(), token);
  redirect(`/${locale}/develop/${encodeURIComponent(token)}${r.ok ? "?kept=1" : ""}`);
}

export async function withdrawAction(formData: FormData): Promise<void> {
  const locale = localeOf(formData);
  const token = String(formData.get("token") ?? "");
  const gone = withdrawOffer(getDb(), token);
  redirect(`/${locale}/develop/${encodeURIComponent(token)}${gone ? "?removed=1" : ""}`);
}

/**
 * A planner invites chosen development clients to a panel meeting; the domain
 * checks the role in the database. A refused form comes back with the same
 * people and session chosen (ids only: nothing personal goes in the address).
 */
export async function inviteAction(formData: FormData): Promise<void> {
  const locale = localeOf(formData);
  const sessionId = String(formData.get("sessionId") ?? "");
  const clients = formData.getAll("clients").map(String);
  const parsed = inviteFormSchema.safeParse({ sessionId: sessionId || 0, clients });
  const again = (error: string) => {
    const q = new URLSearchParams({ error, session: sessionId, chosen: clients.join(",") });
    redirect(`/${locale}/plan/panel?${q}`);
  };
  if (!parsed.success) {
    const e = fieldErrors(parsed.error);
    return again(e.clients ?? e.sessionId ?? "sessionRequired");
  }
  const r = inviteToPanel(getDb(), await currentActor(), parsed.data.sessionId, parsed.data.clients);
  if (!r.ok) return again(r.error);
  redirect(`/${locale}/plan/panel?sent=${r.invited}`);
}
