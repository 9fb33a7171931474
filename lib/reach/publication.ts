import type { Reach } from "./metrics";
import { channelKeys, type ChannelKey } from "@/lib/referrals/channels";

/*
 * "For publication": counts shown outside the planners' own view hide every
 * count under 5 as "<5" (primary suppression), and hide more cells where a
 * small count could otherwise be worked out by subtraction from a total that
 * is shown (secondary suppression). Rates built on a hidden count are hidden.
 */

export const SMALL = 5;

/** A count as it may be shown: the number, "<5", or "hidden" (secondary suppression). */
export type Masked = number | "<5" | "hidden";
/** A rate or mean: null when there is nothing to divide by. */
export type MaskedRate = number | null | "hidden";

export const isShown = (m: Masked): m is number => typeof m === "number";

export function maskCount(n: number, publish: boolean): Masked {
  return publish && n < SMALL ? "<5" : n;
}

/**
 * Parts that add up to a total. When the total is shown and the hidden parts
 * together come to less than 5, the smallest shown parts are hidden too, one by
 * one, until they do not (so "total minus the parts shown" never gives a small
 * count). `current` lets a caller pass masks already decided elsewhere.
 */
export function protectParts(total: Masked, parts: number[], current: Masked[] = parts.map((n) => maskCount(n, true))): Masked[] {
  const out = [...current];
  if (!isShown(total)) return out;
  const hiddenSum = () => parts.reduce((s, n, i) => s + (isShown(out[i]!) ? 0 : n), 0);
  const anyHidden = () => out.some((m) => !isShown(m));
  while (anyHidden() && hiddenSum() < SMALL) {
    let pick = -1;
    for (let i = 0; i < parts.length; i++) if (isShown(out[i]!) && (pick < 0 || parts[i]! < parts[pick]!)) pick = i;
    if (pick < 0) break;
    out[pick] = "hidden";
  }
  return out;
}

/**
 * A table of counts whose rows and columns both add up to shown totals (the
 * session table): the part rule is applied to every row and every column until
 * nothing changes.
 */
export function protectTable(cells: number[][], rowTotals: Masked[], columnTotals: Masked[]): Masked[][] {
  const out: Masked[][] = cells.map((row) => row.map((n) => maskCount(n, true)));
  for (let changed = true; changed; ) {
    changed = false;
    const apply = (total: Masked, values: number[], get: () => Masked[], set: (m: Masked[]) => void) => {
      const before = get();
      const after = protectParts(total, values, before);
      if (after.some((m, i) => m !== before[i])) {
        set(after);
        changed = true;
      }
    };
    cells.forEach((row, r) =>
      apply(rowTotals[r]!, row, () => out[r]!, (m) => (out[r] = m)),
    );
    for (let c = 0; c < (cells[0]?.length ?? 0); c++) {
      apply(
        columnTotals[c]!,
        cells.map((row) => row[c]!),
        () => out.map((row) => row[c]!),
        (m) => m.forEach((v, r) => (out[r]![c] = v)),
      );
    }
  }
  return out;
}

/** A rate from counts: hidden when any count it rests on (or what subtraction gives from them) is hidden. */
export function maskRate(rate: number | null, publish: boolean, ...counts: number[]): MaskedRate {
  if (!publish || rate === null) return rate;
  return counts.some((n) => n < SMALL) ? "hidden" : rate;
}

export type PublishedReach = {
  publish: boolean;
  current: MaskedHeadline;
  previous: MaskedHeadline;
  series: { key: number; from: number; to: number; visits: Masked; parentsReached: Masked; newParents: Masked }[];
  byPlace: { placeId: number; sessionsHeld: Masked; visits: Masked; parentsReached: Masked; newParents: Masked }[];
  byKind: { kind: Reach["byKind"][number]["kind"]; sessionsHeld: Masked; visits: Masked; parentsReached: Masked; newParents: Masked }[];
  arrivals: { firstTime: Masked; returning: Masked; notAsked: Masked; total: Masked };
  /** New parents by channel: parts of the new parents shown in the headline, so protected as parts. */
  newByChannel: Record<ChannelKey, Masked>;
  feedback: {
    responses: Masked;
    asked: Masked;
    responseRate: MaskedRate;
    ratings: Masked[];
    rated: Masked;
    meanRating: MaskedRate;
    gotInformation: MaskedRate;
    lessAlone: MaskedRate;
    wouldReturn: MaskedRate;
  };
};

export type MaskedHeadline = {
  parentsReached: Masked;
  newParents: Masked;
  visits: Masked;
  sessionsHeld: Masked;
  averageAttendance: MaskedRate;
  fillRate: MaskedRate;
  noShowRate: MaskedRate;
  professionals: Masked;
};

function headline(h: Reach["current"], publish: boolean): MaskedHeadline {
  const visits = maskCount(h.visits, publish);
  // Visits split into parents, professionals and others: a small professionals count is not to be had by subtraction.
  const [, professionals] = publish ? protectParts(visits, [h.parentVisits, h.professionals, h.others]) : [0, h.professionals];
  return {
    parentsReached: maskCount(h.parentsReached, publish),
    newParents: maskCount(h.newParents, publish),
    visits,
    // Sessions are not people: still shown as "<5" when few, as the rule says of every count.
    sessionsHeld: maskCount(h.sessionsHeld, publish),
    averageAttendance: maskRate(h.averageAttendance, publish, h.visits),
    fillRate: maskRate(h.fillRate, publish, h.visitsAtCapacity),
    noShowRate: maskRate(h.noShowRate, publish, h.noShows, h.confirmedBookings - h.noShows),
    professionals: professionals as Masked,
  };
}

/** Every figure of the dashboard, masked for publication when asked (unchanged otherwise). */
export function publishReach(r: Reach, publish: boolean): PublishedReach {
  const c = r.current;
  const column = <T extends Record<string, unknown>>(rows: T[], key: keyof T, total: number, additive: boolean): Masked[] => {
    const values = rows.map((row) => row[key] as number);
    if (!publish) return values;
    return additive ? protectParts(maskCount(total, true), values) : values.map((n) => maskCount(n, true));
  };
  const rowsOf = <T extends { sessionsHeld: number; visits: number; parentsReached: number; newParents: number }>(rows: T[]) => {
    // Parents reached by place or kind do not add up (a parent may come to two places), so only the small-count rule applies to them.
    const held = column(rows, "sessionsHeld", c.sessionsHeld, true);
    const visits = column(rows, "visits", c.visits, true);
    const reached = column(rows, "parentsReached", c.parentsReached, false);
    const fresh = column(rows, "newParents", c.newParents, true);
    return rows.map((row, i) => ({ ...row, sessionsHeld: held[i]!, visits: visits[i]!, parentsReached: reached[i]!, newParents: fresh[i]! }));
  };
  const seriesVisits = column(r.series, "visits", c.visits, true);
  const seriesReached = column(r.series, "parentsReached", c.parentsReached, false);
  const seriesNew = column(r.series, "newParents", c.newParents, true);
  const a = r.arrivals;
  const arrivalsTotal = a.firstTime + a.returning + a.notAsked;
  const arrivalsMasked = publish ? protectParts(maskCount(arrivalsTotal, true), [a.firstTime, a.returning, a.notAsked]) : [a.firstTime, a.returning, a.notAsked];
  const channelValues = channelKeys.map((k) => r.newByChannel[k]);
  const channelMasked = publish ? protectParts(maskCount(c.newParents, true), channelValues) : channelValues;
  const f = r.feedback;
  const ratings = publish ? protectParts(maskCount(f.rated, true), f.ratings) : [...f.ratings];
  const yes = (s: Reach["feedback"]["gotInformation"]) => maskRate(s.share, publish, s.yes, s.answered - s.yes);
  return {
    publish,
    current: headline(c, publish),
    previous: headline(r.previous, publish),
    series: r.series.map((b, i) => ({ key: b.key, from: b.from, to: b.to, visits: seriesVisits[i]!, parentsReached: seriesReached[i]!, newParents: seriesNew[i]! })),
    byPlace: rowsOf(r.byPlace),
    byKind: rowsOf(r.byKind),
    arrivals: { firstTime: arrivalsMasked[0]!, returning: arrivalsMasked[1]!, notAsked: arrivalsMasked[2]!, total: maskCount(arrivalsTotal, publish) },
    newByChannel: Object.fromEntries(channelKeys.map((k, i) => [k, channelMasked[i]!])) as Record<ChannelKey, Masked>,
    feedback: {
      responses: maskCount(f.responses, publish),
      asked: maskCount(f.asked, publish),
      responseRate: maskRate(f.responseRate, publish, f.responses, f.asked),
      ratings,
      rated: maskCount(f.rated, publish),
      meanRating: maskRate(f.meanRating, publish, f.rated),
      gotInformation: yes(f.gotInformation),
      lessAlone: yes(f.lessAlone),
      wouldReturn: yes(f.wouldReturn),
    },
  };
}
