import { sessionKinds, type SessionKind } from "@/db/schema";
import { z } from "zod";
import { parseDay } from "@/lib/i18n/time";
import { formatDay, monthOfDay, periodPresets, resolvePeriod, type PeriodPreset, type Range } from "./period";

/*
 * The dashboard's view lives in the URL (?period=…&from=…&to=…&place=…&kind=…&county=…&publish=1),
 * so a view can be bookmarked and shared, and the GET form works without JavaScript.
 * Anything unknown falls back to the default rather than failing.
 */

const schema = z.object({
  period: z.enum(periodPresets).catch("this_year"),
  from: z.string().optional().catch(undefined),
  to: z.string().optional().catch(undefined),
  place: z.coerce.number().int().positive().optional().catch(undefined),
  kind: z.enum(sessionKinds).optional().catch(undefined),
  county: z.coerce.number().int().positive().optional().catch(undefined),
  publish: z.enum(["1"]).optional().catch(undefined),
});

/** `county` is a county's id (counties): the places that belong to it. */
export type Filters = { placeId: number | null; kind: SessionKind | null; county: number | null };
export const noFilters: Filters = { placeId: null, kind: null, county: null };

/** The WHERE clause of every summary query: the period (by month, then day) and the filters. */
export function where(range: Range, f: Filters): { sql: string; params: (number | string)[] } {
  const parts = ["month BETWEEN ? AND ?", "day BETWEEN ? AND ?"];
  const params: (number | string)[] = [monthOfDay(range.from), monthOfDay(range.to), range.from, range.to];
  if (f.placeId !== null) {
    parts.push("place_id = ?");
    params.push(f.placeId);
  }
  if (f.kind !== null) {
    parts.push("kind = ?");
    params.push(f.kind);
  }
  if (f.county !== null) {
    parts.push("place_id IN (SELECT id FROM places WHERE county_id = ?)");
    params.push(f.county);
  }
  return { sql: parts.join(" AND "), params };
}

export type ReachView = { preset: PeriodPreset; range: Range; filters: Filters; publish: boolean; from: string; to: string };

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

function single(params: Params, key: string): string | undefined {
  const v = params instanceof URLSearchParams ? params.get(key) ?? undefined : params[key];
  const s = Array.isArray(v) ? v[0] : v;
  return s === "" ? undefined : s;
}

/** Reads the view from the query; `known` limits place and county to those that exist. */
export function parseReachView(
  params: Params,
  o: { today: number; firstDay: number | null; placeIds: number[]; countyIds: number[] },
): ReachView {
  const q = schema.parse(Object.fromEntries(["period", "from", "to", "place", "kind", "county", "publish"].map((k) => [k, single(params, k)])));
  const from = parseDay(q.from);
  const to = parseDay(q.to);
  // Dates typed into the form mean a custom period whatever the preset says.
  const preset: PeriodPreset = q.period === "custom" || ((from !== null || to !== null) && !single(params, "period")) ? "custom" : q.period;
  const range = resolvePeriod(preset, o.today, { firstDay: o.firstDay, from, to });
  return {
    preset,
    range,
    filters: {
      placeId: q.place !== undefined && o.placeIds.includes(q.place) ? q.place : null,
      kind: q.kind ?? null,
      county: q.county !== undefined && o.countyIds.includes(q.county) ? q.county : null,
    },
    publish: q.publish === "1",
    from: formatDay(range.from),
    to: formatDay(range.to),
  };
}

/** The query string of a view (for the export links and the report). */
export function viewQuery(v: ReachView, extra: Record<string, string> = {}): string {
  const p = new URLSearchParams({ period: v.preset });
  if (v.preset === "custom") {
    p.set("from", v.from);
    p.set("to", v.to);
  }
  if (v.filters.placeId !== null) p.set("place", String(v.filters.placeId));
  if (v.filters.kind !== null) p.set("kind", v.filters.kind);
  if (v.filters.county !== null) p.set("county", String(v.filters.county));
  if (v.publish) p.set("publish", "1");
  for (const [k, val] of Object.entries(extra)) p.set(k, val);
  return p.toString();
}
