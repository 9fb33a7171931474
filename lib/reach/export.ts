import "server-only";
import ExcelJS from "exceljs";
import type { Localized } from "@/db/schema";
import type { Locale } from "@/lib/i18n/locales";
import type { ReachReport } from "./access";
import type { SessionLine } from "./reads";
import { helsinkiDayOf, helsinkiWallClock } from "@/lib/i18n/time";
import { channelKeys } from "@/lib/referrals/channels";
import { reachFormat } from "./format";
import { bucketUnfinished, dayParts } from "./period";
import { protectTable, maskCount, type Masked, type MaskedRate } from "./publication";
import { spreadsheetCsv, spreadsheetRows } from "@/lib/text/spreadsheet";

/*
 * The funder's files: the headline figures for the period and the one before,
 * the breakdowns, the feedback, and a table of the sessions held. Both files
 * are built from the same rows, so the CSV and the workbook always agree.
 */

/**
 * A cell as the funder's files need it: text, or a figure with its kind, or a
 * day, or a moment. The CSV writes each as the page reads it; the workbook
 * writes figures as numbers with a number format and days as dates, so Excel
 * can sum and sort them. A hidden or "<5" figure stays text in both.
 */
export type Cell =
  | string
  | null
  | { figure: Masked | MaskedRate; as: "count" | "percent" | "decimal" }
  | { day: number }
  | { at: number };
type Sheet = { name: string; rows: Cell[][] };

const count = (n: Masked): Cell => ({ figure: n, as: "count" });
const percent = (n: MaskedRate): Cell => ({ figure: n, as: "percent" });
const decimal = (n: MaskedRate): Cell => ({ figure: n, as: "decimal" });

/** A cell as text, exactly as the dashboard shows it. */
function cellText(c: Cell, f: ReturnType<typeof reachFormat>): string {
  if (c === null) return "";
  if (typeof c === "string") return c;
  if ("day" in c) return f.date(c.day);
  if ("at" in c) return f.time(c.at);
  // The formatters say "hidden", "<5" and "no data" themselves.
  if (c.as === "count") return f.count(c.figure as Masked);
  return c.as === "percent" ? f.percent(c.figure as MaskedRate) : f.decimal(c.figure as MaskedRate);
}

export function periodText(report: ReachReport, locale: Locale): { period: string; filters: string[] } {
  const f = reachFormat(locale);
  const { view, places } = report;
  const filters: string[] = [];
  const place = places.find((p) => p.id === view.filters.placeId);
  if (place) filters.push(f.t("reach.filters.place", { name: place.name }));
  if (view.filters.kind) filters.push(f.t("reach.filters.kind", { kind: f.t(`reach.kinds.${view.filters.kind}`) }));
  const county = report.counties.find((c) => c.id === view.filters.county);
  if (county) filters.push(f.t("reach.filters.county", { county: county.name[locale] || county.name.fi }));
  if (filters.length === 0) filters.push(f.t("reach.filters.all"));
  return { period: f.t("reach.range", { from: f.date(view.range.from), to: f.date(view.range.to) }), filters };
}

/** The masks for the session table: every cell under 5, and what subtraction from the row and column totals would give. */
function sessionMasks(report: ReachReport): { attended: Masked[]; booked: Masked[]; parts: Masked[][] } {
  const lines = report.sessions ?? [];
  const publish = report.view.publish;
  const parts = lines.map((l) => [l.checkedIn, l.walkInParents, l.professionals, l.others]);
  if (!publish) return { attended: lines.map((l) => l.attended), booked: lines.map((l) => l.booked), parts };
  const attended = lines.map((l) => maskCount(l.attended, true));
  const columnTotals = [0, 1, 2, 3].map((c) => maskCount(parts.reduce((s, row) => s + row[c]!, 0), true));
  return { attended, booked: lines.map((l) => maskCount(l.booked, true)), parts: protectTable(parts, attended, columnTotals) };
}

/**
 * A session whose figures changed after its day says so, and who changed them
 * last and when; a file marked for publication leaves the staff member's name out.
 */
function changedLaterText(l: SessionLine, publish: boolean, f: ReturnType<typeof reachFormat>): string | null {
  if (l.changedLaterAt === null) return null;
  const date = f.date(helsinkiDayOf(l.changedLaterAt).day);
  return publish || !l.changedLaterBy ? f.t("reach.export.changedLaterOn", { date }) : f.t("reach.export.changedLaterBy", { name: l.changedLaterBy, date });
}

export function reachSheets(report: ReachReport, locale: Locale): Sheet[] {
  const f = reachFormat(locale);
  const t = f.t;
  const { published: p, reach, places } = report;
  const placeName = (id: number) => places.find((pl) => pl.id === id)?.name ?? String(id);
  const { period, filters } = periodText(report, locale);
  const prev = reach.previousHasData;
  const pair = (label: string, cur: Cell, before: Cell): Cell[] => [label, cur, prev ? before : t("reach.noData")];
  const h = [p.current, p.previous] as const;

  const summary: Cell[][] = [
    [t("reach.title")],
    [t("reach.export.period"), period],
    [t("reach.export.filters"), filters.join("; ")],
    ...(report.view.publish ? [[t("reach.publishing")]] : []),
    [],
    [t("reach.export.figure"), t("reach.export.thisPeriod"), `${t("reach.export.previousPeriod")} (${t("reach.range", { from: f.date(reach.previousRange.from), to: f.date(reach.previousRange.to) })})`],
    pair(t("reach.headline.parentsReached"), count(h[0].parentsReached), count(h[1].parentsReached)),
    pair(t("reach.headline.newParents"), count(h[0].newParents), count(h[1].newParents)),
    pair(t("reach.headline.visits"), count(h[0].visits), count(h[1].visits)),
    pair(t("reach.headline.sessionsHeld"), count(h[0].sessionsHeld), count(h[1].sessionsHeld)),
    pair(t("reach.headline.averageAttendance"), decimal(h[0].averageAttendance), decimal(h[1].averageAttendance)),
    pair(t("reach.headline.fillRate"), percent(h[0].fillRate), percent(h[1].fillRate)),
    pair(t("reach.headline.noShowRate"), percent(h[0].noShowRate), percent(h[1].noShowRate)),
    pair(t("reach.headline.professionals"), count(h[0].professionals), count(h[1].professionals)),
    [],
    [reach.unit === "month" ? t("reach.chart.titleMonth") : t("reach.chart.titleWeek"), t("reach.chart.visits"), t("reach.chart.parentsReached"), t("reach.chart.newParents")],
    ...p.series.map((b) => [
      f.bucket(reach.unit === "month" ? f.month(b.key) : t("reach.chart.week", { date: f.date(b.from) }), bucketUnfinished(b, report.today)),
      count(b.visits),
      count(b.parentsReached),
      count(b.newParents),
    ]),
    [],
    [t("reach.byPlace.place"), t("reach.columns.sessionsHeld"), t("reach.columns.visits"), t("reach.columns.parentsReached"), t("reach.columns.newParents")],
    ...p.byPlace.map((r) => [placeName(r.placeId), count(r.sessionsHeld), count(r.visits), count(r.parentsReached), count(r.newParents)]),
    [],
    [t("reach.byKind.kind"), t("reach.columns.sessionsHeld"), t("reach.columns.visits"), t("reach.columns.parentsReached"), t("reach.columns.newParents")],
    ...p.byKind.map((r) => [t(`reach.kinds.${r.kind}`), count(r.sessionsHeld), count(r.visits), count(r.parentsReached), count(r.newParents)]),
    [],
    [t("reach.arrivals.title"), t("reach.arrivals.count")],
    [t("reach.arrivals.firstTime"), count(p.arrivals.firstTime)],
    [t("reach.arrivals.returning"), count(p.arrivals.returning)],
    [t("reach.arrivals.notAsked"), count(p.arrivals.notAsked)],
    [t("reach.arrivals.total"), count(p.arrivals.total)],
    [],
    [t("referral.reach.title"), t("referral.reach.count")],
    ...channelKeys.map((k) => [k === "untold" ? t("referral.untold") : t(`referral.channels.${k}`), count(p.newByChannel[k])]),
    [t("referral.reach.total"), count(p.current.newParents)],
    [],
    [t("reach.feedback.title")],
    [t("reach.feedback.responses"), count(p.feedback.responses)],
    [t("quiet.reach.asked"), count(p.feedback.asked)],
    [t("reach.feedback.responseRate"), percent(p.feedback.responseRate)],
    [t("reach.feedback.meanRating"), decimal(p.feedback.meanRating)],
    ...p.feedback.ratings.map((n, i) => [f.rating((i + 1) as 1 | 2 | 3 | 4), count(n)]),
    [t("reach.feedback.gotInformation"), percent(p.feedback.gotInformation)],
    [t("reach.feedback.lessAlone"), percent(p.feedback.lessAlone)],
    [t("reach.feedback.wouldReturn"), percent(p.feedback.wouldReturn)],
  ];

  const lines = report.sessions ?? [];
  const masks = sessionMasks(report);
  const sessions: Cell[][] = [
    [
      t("reach.export.date"),
      t("reach.export.time"),
      t("reach.export.title"),
      t("reach.export.place"),
      t("reach.export.kind"),
      t("reach.export.capacity"),
      t("reach.export.booked"),
      t("reach.export.attended"),
      t("reach.export.checkedIn"),
      t("reach.export.walkInParents"),
      t("reach.export.professionals"),
      t("reach.export.others"),
      t("reach.export.changedLater"),
    ],
    ...lines.map((l, i): Cell[] => [
      { day: l.day },
      { at: l.startsAt },
      (JSON.parse(l.title) as Localized)[locale],
      placeName(l.placeId),
      t(`reach.kinds.${l.kind}`),
      l.capacity === null ? null : count(l.capacity),
      count(masks.booked[i]!),
      count(masks.attended[i]!),
      ...masks.parts[i]!.map(count),
      changedLaterText(l, report.view.publish, f),
    ]),
  ];
  return [
    { name: t("reach.export.summary"), rows: spreadsheetRows(summary) },
    { name: t("reach.export.sessions"), rows: spreadsheetRows(sessions) },
  ];
}

/** Both sheets one after the other in one CSV file. */
export function reachCsv(report: ReachReport, locale: Locale): string {
  const f = reachFormat(locale);
  const lines = reachSheets(report, locale).flatMap((sheet, i) => [...(i > 0 ? [[], [sheet.name]] : []), ...sheet.rows]);
  return spreadsheetCsv(
    lines.map((row) => row.map((c) => cellText(c, f))),
    locale,
  );
}

const NUMBER_FORMATS = { count: "#,##0", percent: "0.0%", decimal: "0.0" } as const;

/**
 * A day or a moment as Excel keeps dates: a wall-clock time without a zone.
 * The moment is given as it reads in Helsinki, whatever the server's zone.
 */
function excelDate(c: { day: number } | { at: number }): Date {
  if ("day" in c) {
    const { year, month, date } = dayParts(c.day);
    return new Date(Date.UTC(year, month, date));
  }
  return helsinkiWallClock(c.at);
}

export async function reachXlsx(report: ReachReport, locale: Locale): Promise<Buffer> {
  const f = reachFormat(locale);
  const dateFormat = locale === "en" ? "d mmm yyyy" : "d.m.yyyy";
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Kohtaamo";
  for (const sheet of reachSheets(report, locale)) {
    // Excel allows 31 characters and no []:*?/\ in a sheet name.
    const ws = workbook.addWorksheet(sheet.name.replace(/[[\]:*?/\\]/g, " ").slice(0, 31));
    const widths: number[] = [];
    sheet.rows.forEach((row, r) => {
      const line = ws.getRow(r + 1);
      row.forEach((c, i) => {
        const cell = line.getCell(i + 1);
        if (c !== null && typeof c === "object" && !("figure" in c)) {
          cell.value = excelDate(c);
          cell.numFmt = "day" in c ? dateFormat : "hh:mm";
        } else if (c !== null && typeof c === "object" && typeof c.figure === "number") {
          cell.value = c.figure;
          cell.numFmt = NUMBER_FORMATS[c.as];
        } else {
          cell.value = cellText(c, f) || null;
        }
        // Wide enough for what the column holds; a long title wraps instead of stretching the sheet.
        widths[i] = Math.max(widths[i] ?? 8, Math.min(50, cellText(c, f).length + 2));
      });
    });
    widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  }
  workbook.worksheets[0]!.getRow(1).font = { bold: true, size: 14 };
  workbook.worksheets[1]!.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
