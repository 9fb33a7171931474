import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { DB } from "@/db/client";
import { referralChannels, sessions, visitKinds } from "@/db/schema";
import type { Actor } from "@/lib/auth/staff";
import { answeredRecently } from "@/lib/feedback/quiet";
import { audit } from "@/lib/privacy/audit";
import { doorPhase, MAX_DOOR_CHANGES } from "./window";
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
const key = z.string().refine(door.isClientKey);
const seq = z.number().int().nonnegative();
// When the device made the change (ms): an evening's taps sent after midnight still belong to the evening.
const at = z.number().int().optional();

const doorOp = z.discriminatedUnion("type", [
  z.object({ seq, at, type: z.literal("tap"), clientKey: key, kind: z.enum(visitKinds), firstTime: z.boolean().nullable() }),
  z.object({ seq, at, type: z.literal("undo"), clientKey: key }),
  // How a first-time walk-in heard of Kohtaamo, for the tap with that key (null takes it back).
  z.object({ seq, at, type: z.literal("heardFrom"), clientKey: key, channel: z.enum(referralChannels).nullable() }),
  z.object({ seq, at, type: z.literal("issue"), clientKey: key, fromTap: key.nullable() }),
  z.object({ seq, at, type: z.literal("code"), clientKey: key, typed: z.string().max(20), fromTap: key.nullable() }),
  z.object({ seq, at, type: z.literal("checkIn"), bookingId: id, attended: z.boolean() }),
  z.object({ seq, at, type: z.literal("noShows") }),
]);
type DoorOp = z.infer<typeof doorOp>;

/**
 * A request is a list of numbered changes; each change is checked on its own,
 * so one that an older version stored in another shape is answered alone and
 * the rest of the evening still lands.
 */
export const doorOps = z.object({ ops: z.array(z.looseObject({ seq })).min(1).max(MAX_DOOR_CHANGES) });

/** `quiet`: the returning code counted answered feedback recently, so nobody asks them again. */
export type OpResult = { seq: number } & ({ ok: true; code?: string; replacedTap?: boolean; quiet?: boolean } | { ok: false; error: door.DoorRefusal });

/** How far back a device's own time is believed: a tablet that found its network the next morning. */
const REPLAY_HOURS = 36;

/**
 * The moment a change is judged at: when the device made it, if that is in
 * the past and not long ago, else now. A device cannot reach past the
 * session's day by more than that, nor into the future.
 */
export function changeTime(at: number | undefined, now: Date): Date {
  if (at === undefined || at > now.getTime() || at < now.getTime() - REPLAY_HOURS * 3_600_000) return now;
  return new Date(at);
}

/** What a queued change is, as a late batch's audit row counts it. */
function kindOf(op: DoorOp): door.DoorChangeKind {
  switch (op.type) {
    case "tap":
      return door.walkInKind[op.kind];
    case "undo":
      return "undos";
    case "heardFrom":
      return "heardFrom";
    case "issue":
    case "code":
      return "codes";
    case "checkIn":
      return op.attended ? "checkIns" : "undos";
    case "noShows":
      return "noShows";
  }
}

function applyOne(db: door.DoorDb, actor: Actor | null, sessionId: number, op: DoorOp, now: Date): door.DoorResult<{ code?: string; replacedTap?: boolean }> {
  switch (op.type) {
    case "tap":
      return door.recordWalkIn(db, actor, { sessionId, clientKey: op.clientKey, kind: op.kind, firstTime: op.firstTime }, now);
    case "undo":
      return door.undoTap(db, actor, sessionId, op.clientKey, now);
    case "heardFrom":
      return door.recordHeardFrom(db, actor, sessionId, op.clientKey, op.channel, now);
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
export type QueuedChange = z.infer<typeof doorOps>["ops"][number];

export function applyDoorOps(db: DB, actor: Actor | null, sessionId: number, ops: QueuedChange[], now = new Date()): OpResult[] {
  // One IMMEDIATE transaction for the whole request, each change in a savepoint of its own through the
  // door's gate: a refused change is taken back alone, and a tablet's 200 queued taps are one commit
  // instead of 200 (the bench's door round), with the late batch's audit row committed with them.
  return db.transaction(
    (tx) => {
      const session = tx.select({ startsAt: sessions.startsAt }).from(sessions).where(eq(sessions.id, sessionId)).get();
      const landedLate: Partial<Record<door.DoorChangeKind, number>> = {};
      const results = ops.map((raw): OpResult => {
        const parsed = doorOp.safeParse(raw);
        if (!parsed.success) return { seq: raw.seq, ok: false, error: "invalid" };
        const op = parsed.data;
        const at = changeTime(op.at, now);
        const r = applyOne(tx, actor, sessionId, op, at);
        if (!r.ok) return { seq: op.seq, ok: false, error: r.error };
        if (session && arrivedAfterItsDay(session, at, now)) {
          const kind = kindOf(op);
          landedLate[kind] = (landedLate[kind] ?? 0) + 1;
        }
        // Feedback without fatigue: the door is told a returning parent answered recently.
        const quiet = op.type === "code" && r.code ? answeredRecently(tx, r.code, now) : undefined;
        return { seq: op.seq, ok: true, code: r.code, replacedTap: r.replacedTap, quiet };
      });
      // Allowed on the device's word that they were made in time (a tablet that found its network the next
      // morning), but never silent: one audit row per request naming the session's day and the count of each
      // kind, so a planner reading the log or the session's door history sees figures that arrived late.
      // A planner's own correction of a past day is audited as such (door.correct).
      if (session && Object.keys(landedLate).length > 0) audit(tx, actor, "door.late_sync", "session", sessionId, door.doorChangesDetail(session, landedLate));
      return results;
    },
    { behavior: "immediate" },
  );
}

/** A change the device made while the door was open that reached the server after the session's day. */
const arrivedAfterItsDay = (session: { startsAt: Date }, at: Date, now: Date) => doorPhase(session, at) === "open" && doorPhase(session, now) === "dayOver";
