/*
 * Who counts as one person: the contract's "distinct parents", as SQL
 * fragments over a visits row, written once for the summaries
 * (refresh.ts) and for any count made straight from the visits (the
 * benchmark's bare SQL).
 *
 * - a parent visit with a visitor code is the person "code:<code>", wherever
 *   and however often they come (a booking's first seat carries the booker's code);
 * - a seat of a checked-in booking without a code is "booking:<bookingId>:<seat>":
 *   the same booking at several meetings of a group is the same people;
 * - a walk-in parent without a code is one new person when they answered
 *   "first time here"; "been before" (or not asked) was counted at an earlier
 *   visit and adds no one;
 * - professionals tap in anonymously: each professional visit is one professional.
 */

/** The fragments for a visits row under `alias` ("" for a query over visits alone, unqualified). */
export function identity(alias = "v") {
  const c = (column: string) => (alias ? `${alias}.${column}` : column);
  const anonymous = `${c("kind")} = 'parent' AND ${c("visitor_code")} IS NULL AND ${c("booking_id")} IS NULL`;
  return {
    /** The person a known parent's visit is. */
    person: `CASE WHEN ${c("visitor_code")} IS NOT NULL THEN 'code:' || ${c("visitor_code")}
  ELSE 'booking:' || ${c("booking_id")} || ':' || substr(${c("client_key")}, length('booking:' || ${c("booking_id")} || ':' || ${c("session_id")} || ':') + 1) END`,
    /** A parent's visit that names its person: a visitor code or a booking's seat. */
    known: `${c("kind")} = 'parent' AND (${c("visitor_code")} IS NOT NULL OR ${c("booking_id")} IS NOT NULL)`,
    /** A walk-in parent with neither: counted by their answer to "first time here?". */
    anonymous,
    /** An anonymous parent who is one new person: they said it was their first time. */
    anonymousFirst: `${anonymous} AND ${c("first_time")} = 1`,
    anonymousReturning: `${anonymous} AND ${c("first_time")} = 0`,
    anonymousUnknown: `${anonymous} AND ${c("first_time")} IS NULL`,
  };
}
