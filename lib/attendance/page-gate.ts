import "server-only";
import { forbidden } from "next/navigation";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/guard";
import { doorView } from "./door";

/**
 * The gate of every page of one session's door (the door, its kiosk, its QR
 * card): signed in, and someone who runs this session. One answer, 403,
 * whether the session does not exist or is someone else's: ids reveal nothing.
 */
export async function requireDoorView(locale: string, id: string, now = new Date()) {
  const actor = await requireActor(locale);
  const sessionId = /^\d{1,10}$/.test(id) ? Number(id) : null;
  const db = getDb();
  const view = sessionId === null ? null : doorView(db, actor, sessionId, now);
  if (!view || !view.ok) forbidden();
  return { db, actor, view };
}
