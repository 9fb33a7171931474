import "server-only";
import type { DB } from "@/db/client";
import { plannerIn, type Actor } from "@/lib/auth/staff";
import { computeReach, type Reach } from "./metrics";
import { helsinkiDayOf } from "@/lib/i18n/time";
import { publishReach, type PublishedReach } from "./publication";
import { parseReachView, type ReachView } from "./query";
import { firstSessionDay, reachCounties, reachPlaces, sessionLines, type CountyOption, type PlaceOption, type SessionLine } from "./reads";
import { refreshReach } from "./refresh";

export type ReachReport = {
  view: ReachView;
  reach: Reach;
  published: PublishedReach;
  places: PlaceOption[];
  counties: CountyOption[];
  sessions: SessionLine[] | null;
  /** The Helsinki day the figures were read. */
  today: number;
};

export type ReachResult = { ok: true; report: ReachReport } | { ok: false; error: "forbidden" };

/**
 * The figures for a view, for planners and admins only. The role is read from
 * the database here, whatever the caller checked before: the dashboard, the
 * report and every export come through this one gate.
 */
export function reachReport(
  db: DB,
  actor: Actor | null,
  params: Record<string, string | string[] | undefined> | URLSearchParams,
  o: { now?: Date; withSessions?: boolean } = {},
): ReachResult {
  if (!plannerIn(db, actor)) return { ok: false, error: "forbidden" };
  // Every reading below is of the summaries: brought up to date once, here, so nothing is read stale.
  refreshReach(db);
  const now = o.now ?? new Date();
  const today = helsinkiDayOf(now.getTime()).day;
  const places = reachPlaces(db);
  const counties = reachCounties(db);
  const view = parseReachView(params, {
    today,
    firstDay: firstSessionDay(db),
    placeIds: places.map((p) => p.id),
    countyIds: counties.map((c) => c.id),
  });
  const reach = computeReach(db, { range: view.range, filters: view.filters, now });
  return {
    ok: true,
    report: {
      view,
      reach,
      published: publishReach(reach, view.publish),
      places,
      counties,
      sessions: o.withSessions ? sessionLines(db, view.range, view.filters, now) : null,
      today,
    },
  };
}
