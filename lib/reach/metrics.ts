import "server-only";
import { sqliteOf } from "./sqlite";
import type { DB } from "@/db/client";
import type { SessionKind } from "@/db/schema";
import { channelKeys, referralChannels, type ChannelKey, type ReferralChannel } from "@/lib/referrals/channels";
import { buckets, bucketUnitFor, monthOfDay, previousRange, type Bucket, type BucketUnit, type Range } from "./period";
import { where, type Filters } from "./query";

/*
 * The metric definitions of DESIGN.md, implemented once. Every page and
 * export reads its figures from computeReach(). The identity rules are in
 * refresh.ts; in short, parents reached = anonymous first-time walk-ins +
 * distinct known parents (visitor codes, booking seats).
 *
 * - visits: every visit row (checked-in seats + walk-ins + codes), all kinds.
 * - parents reached: distinct parents with a visit in the period (above).
 * - new parents: parents whose first visit ever is in the period. With a
 *   place, kind or county filter: whose first visit ever is in the period and
 *   matches the filter (so new parents by place add up to the total).
 * - sessions held: sessions in the period, not cancelled, started by `now`
 *   (or with visits recorded).
 * - average attendance: visits / sessions held.
 * - fill rate: visits at held sessions that have a capacity (their own or their
 *   group's) / the sum of those capacities. Walk-ins to a bookable session take
 *   a seat too, so they count.
 * - no-show rate: bookings marked no-show / bookings confirmed when the
 *   session started (a group booking counts once per meeting), held sessions.
 * - professionals participating: professionals tap in anonymously, so each
 *   professional visit is one professional.
 * - first-time vs returning visits (parents): first-time = the person's first
 *   visit ever (an anonymous "first time here", a code's first visit, a booking
 *   seat's first meeting); returning = a later visit of a known parent or an
 *   anonymous "been before"; not asked = an anonymous tap without the answer.
 * - new parents by channel: the new parents above, by how they said they heard
 *   of Kohtaamo at their first visit ever (the booking form's answer, copied to
 *   the visits at check-in, or the door's tap next to a first-time walk-in);
 *   "untold" is everyone who did not say, so the channels add up to new parents.
 * - feedback: responses to sessions in the period; parents asked = parents'
 *   visits less those not asked (a parent whose visitor code answered within
 *   FEEDBACK_QUIET_DAYS is not asked again: counted when the session closes);
 *   response rate = responses / parents asked, at most 100%; mean rating over answers with a rating; the share of "yes" of those
 *   who answered each question ("can't say" counts as an answer).
 */

export type Headline = {
  sessions: number;
  sessionsHeld: number;
  visits: number;
  parentVisits: number;
  parentsReached: number;
  newParents: number;
  professionals: number;
  others: number;
  averageAttendance: number | null;
  capacitySeats: number;
  visitsAtCapacity: number;
  fillRate: number | null;
  confirmedBookings: number;
  noShows: number;
  noShowRate: number | null;
};

export type Arrivals = { firstTime: number; returning: number; notAsked: number };

export type YesShare = { yes: number; answered: number; share: number | null };
export type FeedbackFigures = {
  responses: number;
  /** Parents' visits less those not asked for feedback (answered recently): what the response rate divides by. */
  asked: number;
  responseRate: number | null;
  ratings: [number, number, number, number];
  rated: number;
  meanRating: number | null;
  gotInformation: YesShare;
  lessAlone: YesShare;
  wouldReturn: YesShare;
};

export type ByChannel = Record<ChannelKey, number>;

export type Row = { sessionsHeld: number; visits: number; parentsReached: number; newParents: number };
export type SeriesPoint = Bucket & { visits: number; parentsReached: number; newParents: number };

export type Reach = {
  range: Range;
  previousRange: Range;
  unit: BucketUnit;
  /** False when no session was held and no visit recorded: show an empty state, not zeros. */
  hasData: boolean;
  previousHasData: boolean;
  current: Headline;
  previous: Headline;
  series: SeriesPoint[];
  byPlace: (Row & { placeId: number })[];
  byKind: (Row & { kind: SessionKind })[];
  arrivals: Arrivals;
  /** New parents by how they heard of Kohtaamo; adds up to current.newParents. */
  newByChannel: ByChannel;
  feedback: FeedbackFigures;
};

// The "previous visit" column to use for a set of filter dimensions (see reach_person_visits).
type Dims = { place: boolean; kind: boolean; county: boolean };
function previousColumn(d: Dims): string {
  const county = d.county && !d.place;
  if (d.place && d.kind) return "prev_place_kind";
  if (d.place) return "prev_place";
  if (county && d.kind) return "prev_county_kind";
  if (county) return "prev_county";
  if (d.kind) return "prev_kind";
  return "prev";
}

/** The per-session count of first visits in the grouping whose "previous visit" column is `prev` (see reach_sessions). */
const firstColumn = (prev: string, month = false) => `${month ? "month_" : ""}first_${prev === "prev" ? "all" : prev.slice("prev_".length)}`;

type SessionGroupRow = {
  bucket: number;
  placeId: number;
  kind: SessionKind;
  sessions: number;
  held: number;
  visits: number;
  parents: number;
  professionals: number;
  others: number;
  capacity: number;
  visitsAtCapacity: number;
  confirmed: number;
  noShows: number;
  anonFirst: number;
  anonReturning: number;
  anonUnknown: number;
  responses: number;
  r1: number;
  r2: number;
  r3: number;
  r4: number;
  infoYes: number;
  infoAnswered: number;
  aloneYes: number;
  aloneAnswered: number;
  returnYes: number;
  returnAnswered: number;
  notAsked: number;
  /** Known parents' first visits (see reach_sessions.first*), in the groupings this query's filters use. */
  known: number;
  firstAll: number;
  firstReached: number;
  firstInMonth: number;
  firstByPlace: number;
  firstByKind: number;
};

type PersonGroupRow = { bucket: number; placeId: number; kind: SessionKind; known: number; first: number; reached: number; inBucket: number; byPlace: number; byKind: number };

const bucketSql = (unit: BucketUnit) => (unit === "month" ? "month" : "(day + 3) / 7");

function sessionGroups(db: DB, range: Range, f: Filters, unit: BucketUnit, now: number): SessionGroupRow[] {
  const w = where(range, f);
  const base: Dims = { place: f.placeId !== null, kind: f.kind !== null, county: f.county !== null };
  const g = previousColumn(base);
  const held = "(status = 'scheduled' AND (starts_at <= ? OR visits > 0))";
  const sql = `SELECT ${bucketSql(unit)} AS bucket, place_id AS placeId, kind,
      COUNT(*) AS sessions, SUM(${held}) AS held,
      SUM(visits) AS visits, SUM(parents) AS parents, SUM(professionals) AS professionals, SUM(others) AS others,
      COALESCE(SUM(CASE WHEN ${held} AND capacity IS NOT NULL THEN capacity END), 0) AS capacity,
      COALESCE(SUM(CASE WHEN ${held} AND capacity IS NOT NULL THEN visits END), 0) AS visitsAtCapacity,
      COALESCE(SUM(CASE WHEN ${held} THEN confirmed_bookings END), 0) AS confirmed,
      COALESCE(SUM(CASE WHEN ${held} THEN no_shows END), 0) AS noShows,
      SUM(anon_first) AS anonFirst, SUM(anon_returning) AS anonReturning, SUM(anon_unknown) AS anonUnknown,
      SUM(responses) AS responses, SUM(rating_1) AS r1, SUM(rating_2) AS r2, SUM(rating_3) AS r3, SUM(rating_4) AS r4,
      SUM(info_yes) AS infoYes, SUM(info_answered) AS infoAnswered, SUM(alone_yes) AS aloneYes,
      SUM(alone_answered) AS aloneAnswered, SUM(return_yes) AS returnYes, SUM(return_answered) AS returnAnswered, SUM(not_asked) AS notAsked,
      SUM(known) AS known, SUM(first_all) AS firstAll, SUM(${firstColumn(g)}) AS firstReached, SUM(${firstColumn(g, true)}) AS firstInMonth,
      SUM(${firstColumn(previousColumn({ ...base, place: true }))}) AS firstByPlace, SUM(${firstColumn(previousColumn({ ...base, kind: true }))}) AS firstByKind
    FROM reach_sessions WHERE ${w.sql} GROUP BY bucket, place_id, kind`;
  return sqliteOf(db).prepare(sql).all(now, now, now, now, now, ...w.params) as SessionGroupRow[];
}

/** True when no known parent's visit precedes the day `from`: then nobody seen in a period came before it. */
function nothingBefore(db: DB, from: number): boolean {
  return !sqliteOf(db).prepare("SELECT 1 FROM reach_person_visits WHERE month <= ? AND day < ? LIMIT 1").get(monthOfDay(from), from);
}

/**
 * The known parents of a period by month, as sums of the sessions' first-visit
 * counts. Exact when no visit precedes the period (a person's earlier visit in a
 * grouping then lies inside it), as for the whole project: no visit row is read.
 */
function personGroupsFromSessions(s: SessionGroupRow[]): PersonGroupRow[] {
  return s.map((r) => ({
    bucket: r.bucket,
    placeId: r.placeId,
    kind: r.kind,
    known: r.known,
    first: r.firstAll,
    reached: r.firstReached,
    inBucket: r.firstInMonth,
    byPlace: r.firstByPlace,
    byKind: r.firstByKind,
  }));
}

function personGroups(db: DB, range: Range, f: Filters, unit: BucketUnit, sessions: SessionGroupRow[]): PersonGroupRow[] {
  if (unit === "month" && nothingBefore(db, range.from)) return personGroupsFromSessions(sessions);
  const w = where(range, f);
  const base: Dims = { place: f.placeId !== null, kind: f.kind !== null, county: f.county !== null };
  // A row counts once for a figure when the person's previous visit in the same grouping is outside it.
  const counts = (col: string) => `SUM(${col}_day IS NULL OR ${col}_day < ?)`;
  const g = previousColumn(base);
  const bucketCmp = unit === "month" ? `${g}_month < month` : `(${g}_day + 3) / 7 < (day + 3) / 7`;
  const sql = `SELECT ${bucketSql(unit)} AS bucket, place_id AS placeId, kind,
      COUNT(*) AS known,
      SUM(prev_day IS NULL) AS first,
      ${counts(g)} AS reached,
      SUM(${g}_day IS NULL OR ${g}_day < ? OR ${bucketCmp}) AS inBucket,
      ${counts(previousColumn({ ...base, place: true }))} AS byPlace,
      ${counts(previousColumn({ ...base, kind: true }))} AS byKind
    FROM reach_person_visits INDEXED BY reach_person_visits_month WHERE ${w.sql} GROUP BY bucket, place_id, kind`;
  return sqliteOf(db).prepare(sql).all(range.from, range.from, range.from, range.from, ...w.params) as PersonGroupRow[];
}

/** New parents of the period (as headline() counts them) by the channel of their first visit ever. */
function newByChannel(db: DB, range: Range, f: Filters, newParents: number): ByChannel {
  const w = where(range, f);
  const sqlite = sqliteOf(db);
  const out = Object.fromEntries(channelKeys.map((k) => [k, 0])) as ByChannel;
  const anonymous = sqlite
    .prepare(`SELECT c.channel, SUM(c.anon_first) AS n FROM reach_session_channels c JOIN reach_sessions USING (session_id) WHERE ${w.sql} GROUP BY c.channel`)
    .all(...w.params) as { channel: ReferralChannel; n: number }[];
  const known = sqlite
    .prepare(`SELECT channel, COUNT(*) AS n FROM reach_person_visits WHERE ${w.sql} AND prev_day IS NULL AND channel IS NOT NULL GROUP BY channel`)
    .all(...w.params) as { channel: ReferralChannel; n: number }[];
  for (const r of [...anonymous, ...known]) out[r.channel] += r.n;
  out.untold = newParents - referralChannels.reduce((n, c) => n + out[c], 0);
  return out;
}

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);
const share = (yes: number, answered: number): YesShare => ({ yes, answered, share: ratio(yes, answered) });

function headline(s: SessionGroupRow[], p: PersonGroupRow[]): Headline {
  const sum = <T>(rows: T[], k: keyof T) => rows.reduce((n, r) => n + ((r[k] as number) ?? 0), 0);
  const sessionsHeld = sum(s, "held");
  const visits = sum(s, "visits");
  const capacitySeats = sum(s, "capacity");
  const visitsAtCapacity = sum(s, "visitsAtCapacity");
  const confirmedBookings = sum(s, "confirmed");
  const noShows = sum(s, "noShows");
  const anonFirst = sum(s, "anonFirst");
  return {
    sessions: sum(s, "sessions"),
    sessionsHeld,
    visits,
    parentVisits: sum(s, "parents"),
    parentsReached: anonFirst + sum(p, "reached"),
    newParents: anonFirst + sum(p, "first"),
    professionals: sum(s, "professionals"),
    others: sum(s, "others"),
    averageAttendance: ratio(visits, sessionsHeld),
    capacitySeats,
    visitsAtCapacity,
    fillRate: ratio(visitsAtCapacity, capacitySeats),
    confirmedBookings,
    noShows,
    noShowRate: ratio(noShows, confirmedBookings),
  };
}

export type ReachQuery = { range: Range; filters: Filters; now: Date };

/** Every figure of the dashboard for a period and filters, with the previous period of the same length. */
export function computeReach(db: DB, q: ReachQuery): Reach {
  const unit = bucketUnitFor(q.range);
  const now = q.now.getTime();
  const prevRange = previousRange(q.range);
  const s = sessionGroups(db, q.range, q.filters, unit, now);
  const p = personGroups(db, q.range, q.filters, unit, s);
  const ps = sessionGroups(db, prevRange, q.filters, unit, now);
  const pp = personGroups(db, prevRange, q.filters, unit, ps);
  const current = headline(s, p);
  const previous = headline(ps, pp);

  const series: SeriesPoint[] = buckets(q.range, unit).map((b) => ({ ...b, visits: 0, parentsReached: 0, newParents: 0 }));
  const byBucket = new Map(series.map((b) => [b.key, b]));
  const places = new Map<number, Row & { placeId: number }>();
  const kinds = new Map<SessionKind, Row & { kind: SessionKind }>();
  const place = (id: number) => places.get(id) ?? places.set(id, { placeId: id, sessionsHeld: 0, visits: 0, parentsReached: 0, newParents: 0 }).get(id)!;
  const kind = (k: SessionKind) => kinds.get(k) ?? kinds.set(k, { kind: k, sessionsHeld: 0, visits: 0, parentsReached: 0, newParents: 0 }).get(k)!;
  for (const r of s) {
    const b = byBucket.get(r.bucket);
    if (b) {
      b.visits += r.visits;
      b.parentsReached += r.anonFirst;
      b.newParents += r.anonFirst;
    }
    for (const row of [place(r.placeId), kind(r.kind)]) {
      row.sessionsHeld += r.held;
      row.visits += r.visits;
      row.parentsReached += r.anonFirst;
      row.newParents += r.anonFirst;
    }
  }
  for (const r of p) {
    const b = byBucket.get(r.bucket);
    if (b) {
      b.parentsReached += r.inBucket;
      b.newParents += r.first;
    }
    place(r.placeId).parentsReached += r.byPlace;
    place(r.placeId).newParents += r.first;
    kind(r.kind).parentsReached += r.byKind;
    kind(r.kind).newParents += r.first;
  }

  const sum = (k: keyof SessionGroupRow) => s.reduce((n, r) => n + (r[k] as number), 0);
  const ratings: [number, number, number, number] = [sum("r1"), sum("r2"), sum("r3"), sum("r4")];
  const rated = ratings.reduce((a, b) => a + b, 0);
  const responses = sum("responses");
  const asked = Math.max(0, current.parentVisits - sum("notAsked"));
  const firstKnown = p.reduce((n, r) => n + r.first, 0);
  const known = p.reduce((n, r) => n + r.known, 0);

  return {
    range: q.range,
    previousRange: prevRange,
    unit,
    hasData: current.sessionsHeld > 0 || current.visits > 0,
    previousHasData: previous.sessionsHeld > 0 || previous.visits > 0,
    current,
    previous,
    series,
    byPlace: [...places.values()].sort((a, b) => b.visits - a.visits || a.placeId - b.placeId),
    byKind: [...kinds.values()].sort((a, b) => b.visits - a.visits || a.kind.localeCompare(b.kind)),
    newByChannel: newByChannel(db, q.range, q.filters, current.newParents),
    arrivals: {
      firstTime: sum("anonFirst") + firstKnown,
      returning: sum("anonReturning") + known - firstKnown,
      notAsked: sum("anonUnknown"),
    },
    feedback: {
      responses,
      asked,
      // At most 100%: a parent who was not asked may still answer from the QR code on the wall.
      responseRate: ratio(Math.min(responses, asked), asked),
      ratings,
      rated,
      meanRating: ratio(ratings.reduce((a, n, i) => a + n * (i + 1), 0), rated),
      gotInformation: share(sum("infoYes"), sum("infoAnswered")),
      lessAlone: share(sum("aloneYes"), sum("aloneAnswered")),
      wouldReturn: share(sum("returnYes"), sum("returnAnswered")),
    },
  };
}

/**
 * Parents reached alone, as the dashboard counts it (the benchmark times this
 * against the plain SQL over the base tables).
 */
export function parentsReached(db: DB, range: Range, f: Filters): number {
  const w = where(range, f);
  const g = previousColumn({ place: f.placeId !== null, kind: f.kind !== null, county: f.county !== null });
  const sqlite = sqliteOf(db);
  const anonymous = sqlite.prepare(`SELECT COALESCE(SUM(anon_first), 0) FROM reach_sessions WHERE ${w.sql}`).pluck().get(...w.params) as number;
  if (nothingBefore(db, range.from)) {
    return anonymous + (sqlite.prepare(`SELECT COALESCE(SUM(${firstColumn(g)}), 0) FROM reach_sessions WHERE ${w.sql}`).pluck().get(...w.params) as number);
  }
  const known = sqlite
    .prepare(`SELECT COALESCE(SUM(${g}_day IS NULL OR ${g}_day < ?), 0) FROM reach_person_visits INDEXED BY reach_person_visits_month WHERE ${w.sql}`)
    .pluck()
    .get(range.from, ...w.params) as number;
  return anonymous + known;
}
