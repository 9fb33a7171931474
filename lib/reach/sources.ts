/**
 * What the reach summaries (reach_sessions, reach_person_visits,
 * reach_session_channels) are made from, and so what must mark a session's
 * rows stale when it changes: per table, whether an insert or a delete does,
 * and which columns' updates do ("*": any column). The triggers that write
 * reach_dirty live in migration SQL; a unit test (sources.test.ts) holds this
 * list against the triggers in a migrated database, both ways, so a column
 * that starts to change a figure is added here and to a trigger together.
 */
export const REACH_SOURCES: Record<string, { insert: boolean; delete: boolean; update: "*" | readonly string[] }> = {
  visits: { insert: true, delete: true, update: "*" },
  attendance: { insert: true, delete: true, update: "*" },
  feedback_responses: { insert: true, delete: true, update: "*" },
  sessions: { insert: true, delete: true, update: ["place_id", "group_id", "kind", "starts_at", "capacity", "status", "feedback_not_asked"] },
  // A group's seats are its meetings' capacity; a group with no meetings yet has no rows to mark.
  session_groups: { insert: false, delete: false, update: ["capacity"] },
  // The county partitions; a place's other details are not figures.
  places: { insert: false, delete: false, update: ["county_id"] },
  bookings: { insert: true, delete: true, update: ["status", "party_size", "session_id", "group_id", "cancelled_at"] },
};
