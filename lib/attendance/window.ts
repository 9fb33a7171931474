import { endOfHelsinkiDay } from "@/lib/i18n/time";

/** At most this many door changes in one request (the tablet sends a longer queue in several). */
export const MAX_DOOR_CHANGES = 200;

/** The door opens a little before the start, so the first parents can be counted as they arrive. */
const DOOR_OPENS_BEFORE_MS = 60 * 60_000;

/**
 * When a session's door counts: from a little before its start to the end of
 * its own day in Helsinki. Before, nothing has happened; after, what happened
 * is a planner's correction, not a tap at the door.
 */
export function doorWindow(session: { startsAt: Date }) {
  const opens = new Date(session.startsAt.getTime() - DOOR_OPENS_BEFORE_MS);
  const closes = endOfHelsinkiDay(session.startsAt);
  return { opens, closes };
}

export type DoorPhase = "notYet" | "open" | "dayOver";

export function doorPhase(session: { startsAt: Date }, now: Date): DoorPhase {
  const { opens, closes } = doorWindow(session);
  if (now.getTime() < opens.getTime()) return "notYet";
  return now.getTime() < closes.getTime() ? "open" : "dayOver";
}
