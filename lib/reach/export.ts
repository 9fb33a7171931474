import "server-only";
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import type { Locale } from "@/lib/i18n/locales";
import type { ReachReport } from "./access";
import { reachFormat } from "./format";
import { protectTable, maskCount, type Masked } from "./publication";

/*
 * The funder's files: the headline figures for the period and the one before,
 * the breakdowns, the feedback, and a table of the sessions held. Both files
 * are built from the same rows, so the CSV and the workbook always agree.
 */

type Cell = string | number;
type Sheet = { name: string; rows: Cell[][] };

export function periodText(report: ReachReport, locale: Locale): { period: string; filters: string[] } {
  const f = reachFormat(locale);
  const { view, places } = report;
  const filters: string[] = [];
  const place = places.find((p) => p.id === view.filters.placeId);
  if (place) filters.push(f.t("reach.filters.place", { name: place.name }));
  if (view.filters.kind) filters.push(f.t("reach.filters.kind", { kind: f.t(`reach.kinds.${view.filters.kind}`) }));
  if (view.filters.county) filters.push(f.t("reach.filters.county", { county: view.filters.county }));
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

export function reachSheets(report: ReachReport, locale: Locale): Sheet[] {
  const f = reachFormat(locale);
  const t = f.t;
  const { published: p, reach, places } = report;
  const placeName = (id: number) => places.find((pl) => pl.id === id)?.name ?? String(id);
  const { period, filters } = periodText(report, locale);
  const prev = reach.previousHasData;
  const pair = (label: string, cur: string, before: string): Cell[] => [label, cur, prev ? before : t("reach.noData")];
  const h = [p.current, p.previous] as const;

  const summary: Cell[][] = [
    [t("reach.title")],
    [t("reach.export.period"), period],
    [t("reach.export.filters"), filters.join("; ")],
    ...(report.view.publish ? [[t("reach.publishing")]] : []),
    [],
    [t("reach.export.figure"), t("reach.export.thisPeriod"), `${t("reach.export.previousPeriod")} (${t("reach.range", { from: f.date(reach.previousRange.from), to: f.date(reach.previousRange.to) })})`],
    pair(t("reach.headline.parentsReached"), f.count(h[0].parentsReached), f.count(h[1].parentsReached)),
    pair(t("reach.headline.newParents"), f.count(h[0].newParents), f.count(h[1].newParents)),
    pair(t("reach.headline.visits"), f.count(h[0].visits), f.count(h[1].visits)),
    pair(t("reach.headline.sessionsHeld"), f.count(h[0].sessionsHeld), f.count(h[1].sessionsHeld)),
    pair(t("reach.headline.averageAttendance"), f.decimal(h[0].averageAttendance), f.decimal(h[1].averageAttendance)),
    pair(t("reach.headline.fillRate"), f.percent(h[0].fillRate), f.percent(h[1].fillRate)),
    pair(t("reach.headline.noShowRate"), f.percent(h[0].noShowRate), f.percent(h[1].noShowRate)),
    pair(t("reach.headline.professionals"), f.count(h[0].professionals), f.count(h[1].professionals)),
    [],
    [reach.unit === "month" ? t("reach.chart.titleMonth") : t("reach.chart.titleWeek"), t("reach.chart.visits"), t("reach.chart.parentsReached"), t("reach.chart.newParents")],
    ...p.series.map((b) => [
      reach.unit === "month" ? f.month(b.key) : t("reach.chart.week", { date: f.date(b.from) }),
      f.count(b.visits),
      f.count(b.parentsReached),
      f.count(b.newParents),
    ]),
    [],
    [t("reach.byPlace.place"), t("reach.columns.sessionsHeld"), t("reach.columns.visits"), t("reach.columns.parentsReached"), t("reach.columns.newParents")],
    ...p.byPlace.map((r) => [placeName(r.placeId), f.count(r.sessionsHeld), f.count(r.visits), f.count(r.parentsReached), f.count(r.newParents)]),
    [],
    [t("reach.byKind.kind"), t("reach.columns.sessionsHeld"), t("reach.columns.visits"), t("reach.columns.parentsReached"), t("reach.columns.newParents")],
    ...p.byKind.map((r) => [t(`reach.kinds.${r.kind}`), f.count(r.sessionsHeld), f.count(r.visits), f.count(r.parentsReached), f.count(r.newParents)]),
    [],
    [t("reach.arrivals.title"), t("reach.arrivals.count")],
    [t("reach.arrivals.firstTime"), f.count(p.arrivals.firstTime)],
    [t("reach.arrivals.returning"), f.count(p.arrivals.returning)],
    [t("reach.arrivals.notAsked"), f.count(p.arrivals.notAsked)],
    [t("reach.arrivals.total"), f.count(p.arrivals.total)],
    [],
    [t("reach.feedback.title")],
    [t("reach.feedback.responses"), f.count(p.feedback.responses)],
    [t("reach.feedback.responseRate"), f.percent(p.feedback.responseRate)],
    [t("reach.feedback.meanRating"), f.decimal(p.feedback.meanRating)],
    ...p.feedback.ratings.map((n, i) => [f.rating((i + 1) as 1 | 2 | 3 | 4), f.count(n)]),
    [t("reach.feedback.gotInformation"), f.percent(p.feedback.gotInformation)],
    [t("reach.feedback.lessAlone"), f.percent(p.feedback.lessAlone)],
    [t("reach.feedback.wouldReturn"), f.percent(p.feedback.wouldReturn)],
  ];

  const lines = report.sessions ?? [];
  const masks = sessionMasks(report);
  const sessions: Cell[][] = [
    [
      t("reach.export.date"),
      t("reach.export.place"),
      t("reach.export.kind"),
      t("reach.export.capacity"),
      t("reach.export.booked"),
      t("reach.export.attended"),
      t("reach.export.checkedIn"),
      t("reach.export.walkInParents"),
      t("reach.export.professionals"),
      t("reach.export.others"),
    ],
    ...lines.map((l, i) => {
      const cell = (m: Masked): Cell => (typeof m === "number" ? m : f.count(m));
      return [f.date(l.day), placeName(l.placeId), t(`reach.kinds.${l.kind}`), l.capacity ?? "", cell(masks.booked[i]!), cell(masks.attended[i]!), ...masks.parts[i]!.map(cell)];
    }),
  ];
  return [
    { name: t("reach.export.summary"), rows: summary },
    { name: t("reach.export.sessions"), rows: sessions },
  ];
}

/**
 * UTF-8 with a byte order mark, so Excel reads ä, ö and å right. Finnish and
 * Swedish Excel expect ";" between fields (the comma is their decimal mark).
 */
export function reachCsv(report: ReachReport, locale: Locale): string {
  const lines = reachSheets(report, locale).flatMap((sheet, i) => [...(i > 0 ? [[], [sheet.name]] : []), ...sheet.rows]);
  return stringify(lines, { delimiter: locale === "en" ? "," : ";", bom: true, record_delimiter: "windows" });
}

export async function reachXlsx(report: ReachReport, locale: Locale): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Kohtaamo";
  for (const sheet of reachSheets(report, locale)) {
    // Excel allows 31 characters and no []:*?/\ in a sheet name.
    const ws = workbook.addWorksheet(sheet.name.replace(/[[\]:*?/\\]/g, " ").slice(0, 31));
    for (const row of sheet.rows) ws.addRow(row);
    ws.getColumn(1).width = 42;
    for (let c = 2; c <= 10; c++) ws.getColumn(c).width = 18;
  }
  workbook.worksheets[0]!.getRow(1).font = { bold: true, size: 14 };
  workbook.worksheets[1]!.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
