"use server";
import QRCode from "qrcode";
import { z } from "zod";
import { getDb } from "@/db/client";
import { referralChannels, visitKinds } from "@/db/schema";
import { currentActor } from "@/lib/auth/current";
import { doorState, type DoorState } from "./door";
import * as door from "./writes";
import { feedbackQr, type FeedbackQr } from "@/lib/feedback/qr";
import { cleanText } from "@/lib/text/free-text";
import { answeredRecently } from "@/lib/feedback/quiet";

// Every action reads the actor from the database itself and the domain checks they run the session.
// Each answers with the door's state after the change, so the screen shows what the database holds.
export type DoorAnswer =
  | { ok: true; state: DoorState; code?: string; qr?: string; replacedTap?: boolean; quiet?: boolean }
  | { ok: false; error: door.DoorRefusal | "invalid" };

const id = z.number().int().positive();
// A device's key for one tap (a UUID); never the server's own "booking:…" keys, see isClientKey.
const key = z.string().regex(/^[A-Za-z0-9_-]{8,80}$/);
const optionalKey = key.nullable();

async function answer(sessionId: number, result: door.DoorResult<{ code?: string; replacedTap?: boolean }>): Promise<DoorAnswer> {
  if (!result.ok) return result;
  const state = doorState(getDb(), sessionId)!;
  if (!result.code) return { ok: true, state };
  // A QR code of the visitor code alone, for the parent to photograph.
  const qr = await QRCode.toString(result.code, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return { ok: true, state, code: result.code, qr, replacedTap: result.replacedTap };
}

const tapSchema = z.object({ sessionId: id, clientKey: key, kind: z.enum(visitKinds), firstTime: z.boolean().nullable() });

export async function tapAction(input: z.input<typeof tapSchema>): Promise<DoorAnswer> {
  const tap = tapSchema.safeParse(input);
  if (!tap.success) return { ok: false, error: "invalid" };
  return answer(tap.data.sessionId, door.recordWalkIn(getDb(), await currentActor(), tap.data));
}

/** The door's one tap: how a first-time walk-in heard of Kohtaamo (null takes it back). */
export async function heardFromAction(sessionId: number, clientKey: string, channel: string | null): Promise<DoorAnswer> {
  const ok = id.safeParse(sessionId).success && key.safeParse(clientKey).success && z.enum(referralChannels).nullable().safeParse(channel).success;
  if (!ok) return { ok: false, error: "invalid" };
  return answer(sessionId, door.recordHeardFrom(getDb(), await currentActor(), sessionId, clientKey, channel as (typeof referralChannels)[number] | null));
}

export async function undoTapAction(sessionId: number, clientKey: string): Promise<DoorAnswer> {
  if (!id.safeParse(sessionId).success || !key.safeParse(clientKey).success) return { ok: false, error: "invalid" };
  return answer(sessionId, door.undoTap(getDb(), await currentActor(), sessionId, clientKey));
}

/** `fromTap`: the "first time" tap this device just made for the same parent, which becomes the coded visit. */
export async function issueCodeAction(sessionId: number, clientKey: string, fromTap: string | null = null): Promise<DoorAnswer> {
  if (!id.safeParse(sessionId).success || !key.safeParse(clientKey).success || !optionalKey.safeParse(fromTap).success) return { ok: false, error: "invalid" };
  return answer(sessionId, door.issueVisitorCode(getDb(), await currentActor(), sessionId, clientKey, fromTap));
}

export async function returningCodeAction(sessionId: number, typed: string, clientKey: string, fromTap: string | null = null): Promise<DoorAnswer> {
  if (!id.safeParse(sessionId).success || !key.safeParse(clientKey).success || !optionalKey.safeParse(fromTap).success || typed.length > 20) {
    return { ok: false, error: "invalid" };
  }
  const result = await answer(sessionId, door.recordReturningCode(getDb(), await currentActor(), sessionId, typed, clientKey, fromTap));
  // Feedback without fatigue: the door is told this parent answered recently, so nobody asks them again.
  return result.ok && result.code ? { ...result, quiet: answeredRecently(getDb(), result.code) } : result;
}

export async function checkInAction(sessionId: number, bookingId: number, attended: boolean): Promise<DoorAnswer> {
  if (!id.safeParse(sessionId).success || !id.safeParse(bookingId).success) return { ok: false, error: "invalid" };
  const actor = await currentActor();
  return answer(sessionId, attended ? door.checkIn(getDb(), actor, sessionId, bookingId) : door.undoCheckIn(getDb(), actor, sessionId, bookingId));
}

export async function noShowsAction(sessionId: number): Promise<DoorAnswer> {
  if (!id.safeParse(sessionId).success) return { ok: false, error: "invalid" };
  return answer(sessionId, door.markNoShows(getDb(), await currentActor(), sessionId));
}

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
