"use server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { currentActor } from "@/lib/auth/current";
import * as door from "./writes";
import { feedbackQr, type FeedbackQr } from "@/lib/feedback/qr";
import { cleanText } from "@/lib/text/free-text";

// The door's counting (taps, codes, check-ins, no-shows) goes through POST /api/host/sessions/[id]/taps
// (lib/attendance/door-ops.ts), which a tablet can replay from its queue whatever build it loaded.
// Closing and reopening stay actions: forms that work without JavaScript.

const id = z.number().int().positive();

export type CloseState = { error?: string; note: string; confirming?: boolean; closed?: boolean; feedback?: FeedbackQr };

/**
 * Closing takes two steps: the first submit only asks "close now?", and the
 * session closes when the answer comes with step=close. Works without JavaScript.
 */
export async function closeSessionAction(_prev: CloseState, formData: FormData): Promise<CloseState> {
  const note = cleanText(String(formData.get("note") ?? ""), { multiline: true }).trim();
  const sessionId = Number(formData.get("sessionId"));
  if (note.length > 1000) return { error: "tooLong", note };
  if (!id.safeParse(sessionId).success) return { error: "invalid", note };
  const step = formData.get("step");
  if (step === "back") return { note };
  if (step !== "close") return { note, confirming: true };
  const result = door.closeSession(getDb(), await currentActor(), sessionId, note || null);
  return result.ok ? { note, closed: true, feedback: await feedbackQr(result.feedbackKey, sessionId) } : { error: result.error, note };
}

export type ReopenState = { error?: string; reopened?: boolean };

/** A planner opens a closed session again (audited in the domain). */
export async function reopenSessionAction(_prev: ReopenState, formData: FormData): Promise<ReopenState> {
  const sessionId = Number(formData.get("sessionId"));
  if (!id.safeParse(sessionId).success) return { error: "invalid" };
  const result = door.reopenSession(getDb(), await currentActor(), sessionId);
  return result.ok ? { reopened: true } : { error: result.error };
}
