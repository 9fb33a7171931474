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
  return { opens, closes: new Date(dayEndOf(session.startsAt.getTime())) };
}

// The end of a start's Helsinki day, remembered: a tablet's queue of 200 changes asks it three times a
// change, and the time-zone arithmetic was a fifth of the door's time in the bench.
const dayEnds = new Map<number, number>();
function dayEndOf(startsAt: number): number {
  let end = dayEnds.get(startsAt);
  if (end === undefined) {
    if (dayEnds.size > 10_000) dayEnds.clear();
    end = endOfHelsinkiDay(new Date(startsAt)).getTime();
    dayEnds.set(startsAt, end);
  }
  return end;
}

export type DoorPhase = "notYet" | "open" | "dayOver";

export function doorPhase(session: { startsAt: Date }, now: Date): DoorPhase {
  const { opens, closes } = doorWindow(session);
  if (now.getTime() < opens.getTime()) return "notYet";
  return now.getTime() < closes.getTime() ? "open" : "dayOver";
}
