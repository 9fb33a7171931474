import { helsinkiWallClock } from "@/lib/i18n/time";

/** A group's meetings in one line: how many, from when to when, and their weekday when they share one. */
export type GroupSpan = { count: number; first: Date; last: Date; weekday: number | null };

export function groupSpan(meetings: { startsAt: Date }[]): GroupSpan | null {
  if (meetings.length === 0) return null;
  const starts = meetings.map((m) => m.startsAt).sort((a, b) => a.getTime() - b.getTime());
  // The weekday a parent lives in: Helsinki's, whatever the server's zone.
  const days = new Set(starts.map((d) => helsinkiWallClock(d).getUTCDay()));
  return { count: starts.length, first: starts[0]!, last: starts.at(-1)!, weekday: days.size === 1 ? [...days][0]! : null };
}

/**
 * A list with each group once, at its first listed meeting, and the group's whole span beside it:
 * a six-meeting group is one card, not six.
 */
export function oneCardPerGroup<S extends { groupId: number | null }>(
  sessions: S[],
  meetingsOf: (groupId: number) => { startsAt: Date }[],
): (S & { span: GroupSpan | null })[] {
  const seen = new Set<number>();
  const out: (S & { span: GroupSpan | null })[] = [];
  for (const s of sessions) {
    if (s.groupId === null) {
      out.push({ ...s, span: null });
    } else if (!seen.has(s.groupId)) {
      seen.add(s.groupId);
      out.push({ ...s, span: groupSpan(meetingsOf(s.groupId)) });
    }
  }
  return out;
}
