"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { currentActor } from "@/lib/auth/current";
import { localeOf } from "@/lib/forms";
import { acknowledgeHandover, handOverConcern } from "./handover";

const handoverSchema = z.object({
  concernId: z.coerce.number().int().positive(),
  method: z.enum(["email", "print"]),
  withContact: z.literal("on").optional().transform((v) => v === "on"),
});

/** A planner hands a consented concern over: by e-mail, or printed (then the printable report opens). Plain form posts. */
export async function handOverAction(formData: FormData): Promise<void> {
  const locale = localeOf(formData);
  const parsed = handoverSchema.safeParse({ concernId: formData.get("concernId"), method: formData.get("method"), withContact: formData.get("withContact") ?? undefined });
  if (!parsed.success) redirect(`/${locale}/plan/feedback`);
  const { concernId, method, withContact } = parsed.data;
  const result = handOverConcern(getDb(), await currentActor(), { concernId, method, withContact }, locale);
  const page = `/${locale}/plan/feedback/concerns/${concernId}`;
  if (!result.ok) redirect(`${page}?handover=${result.error}#handover`);
  redirect(method === "print" ? `${page}/report/${result.handoverId}` : `${page}?handover=sent#handover`);
}

/** The county's acknowledgement, from the report its link opens. */
export async function acknowledgeAction(formData: FormData): Promise<void> {
  const locale = localeOf(formData);
  const token = String(formData.get("token") ?? "");
  acknowledgeHandover(getDb(), token);
  redirect(`/${locale}/report/${encodeURIComponent(token)}`);
}
