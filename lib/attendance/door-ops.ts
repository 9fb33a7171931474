import "server-only";
import { z } from "zod";
import type { DB } from "@/db/client";
import { visitKinds } from "@/db/schema";
import type { Actor } from "@/lib/auth/staff";
import * as door from "./writes";

/**
 * The door's changes as a device queues them: written to the device's own
 * storage first, sent later in the order they were made. Each carries the
 * device's sequence number, so the answer can say which one landed.
 *
 * Sending the same list again is safe: taps, codes and undos carry the key
 * the device made (a retried tap counts once, see recordWalkIn), and a
 * check-in, its undo and "mark no-shows" set a state rather than add to one.
 * A list is replayed whole and in order, so a tap and its undo sent twice
 * still end as "undone".
 */
const id = z.number().int().positive();
// A device's key for one tap (a UUID); never the server's own "booking:…" keys, see isClientKey.
const key = z.string().regex(/^[A-Za-z0-9_-]{8,80}$/);
const seq = z.number().int().nonnegative();

export const doorOp = z.discriminatedUnion("type", [
  z.object({ seq, type: z.literal("tap"), clientKey: key, kind: z.enum(visitKinds), firstTime: z.boolean().nullable() }),
  z.object({ seq, type: z.literal("undo"), clientKey: key }),
  z.object({ seq, type: z.literal("issue"), clientKey: key, fromTap: key.nullable() }),
  z.object({ seq, type: z.literal("code"), clientKey: key, typed: z.string().max(20), fromTap: key.nullable() }),
  z.object({ seq, type: z.literal("checkIn"), bookingId: id, attended: z.boolean() }),
  z.object({ seq, type: z.literal("noShows") }),
]);
export type DoorOp = z.infer<typeof doorOp>;

/** At most this many changes in one request: a tablet offline for an evening makes a few hundred at most. */
export const MAX_OPS = 200;
export const doorOps = z.object({ ops: z.array(doorOp).min(1).max(MAX_OPS) });

export type OpResult = { seq: number } & ({ ok: true; code?: string; replacedTap?: boolean } | { ok: false; error: door.DoorRefusal });

function applyOne(db: DB, actor: Actor | null, sessionId: number, op: DoorOp, now: Date): door.DoorResult<{ code?: string; replacedTap?: boolean }> {
  switch (op.type) {
    case "tap":
      return door.recordWalkIn(db, actor, { sessionId, clientKey: op.clientKey, kind: op.kind, firstTime: op.firstTime }, now);
    case "undo":
      return door.undoTap(db, actor, sessionId, op.clientKey, now);
    case "issue":
      return door.issueVisitorCode(db, actor, sessionId, op.clientKey, op.fromTap, now);
    case "code":
      return door.recordReturningCode(db, actor, sessionId, op.typed, op.clientKey, op.fromTap, now);
    case "checkIn":
      return op.attended ? door.checkIn(db, actor, sessionId, op.bookingId, now) : door.undoCheckIn(db, actor, sessionId, op.bookingId, now);
    case "noShows":
      return door.markNoShows(db, actor, sessionId, now);
  }
}

/**
 * Applies a device's queued changes in order, each through the door's own
 * gate (the actor must run the session, read from the database, and it must
 * be open). A refusal is that change's answer and does not stop the ones
 * after it: the facilitator sees it, and the rest of the evening still lands.
 */
export function applyDoorOps(db: DB, actor: Actor | null, sessionId: number, ops: DoorOp[], now = new Date()): OpResult[] {
  return ops.map((op) => {
    const r = applyOne(db, actor, sessionId, op, now);
    return r.ok ? { seq: op.seq, ok: true, code: r.code, replacedTap: r.replacedTap } : { seq: op.seq, ok: false, error: r.error };
  });
}
