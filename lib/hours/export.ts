import "server-only";
import { spreadsheetCsv, spreadsheetRows } from "@/lib/text/spreadsheet";
import ExcelJS from "exceljs";
import type { Locale } from "@/lib/i18n/locales";
import { helsinkiWallClock } from "@/lib/i18n/time";
import { translatorFor } from "@/lib/i18n/translator";
import { hoursOf, type HoursView } from "./reads";

type Row = (string | number | Date | null)[];

/** One table: each session a line, then each person's months and total. Hours as decimal numbers. */
function rows(view: Extract<HoursView, { ok: true }>, locale: Locale): { header: string[]; lines: Row[] } {
  const { t } = translatorFor(locale);
  const lines: Row[] = [];
  for (const p of view.people) {
    for (const l of p.lines) lines.push([p.name, helsinkiWallClock(l.startsAt), l.title[locale], l.place, hoursOf(l.scheduledMinutes), hoursOf(l.minutes)]);
    for (const m of p.months) lines.push([p.name, null, t("plan.hours.monthTotal", { month: m.month }), null, null, hoursOf(m.minutes)]);
    lines.push([p.name, null, t("plan.hours.total"), null, null, hoursOf(p.minutes)]);
  }
  const header = (["person", "when", "session", "place", "scheduled", "hours"] as const).map((k) => t(`plan.hours.columns.${k}`));
  return { header, lines };
}

export function hoursCsv(view: Extract<HoursView, { ok: true }>, locale: Locale): string {
  const { header, lines } = rows(view, locale);
  const when = (d: Date) => d.toISOString().slice(0, 16).replace("T", " ");
  const decimal = (n: number) => (locale === "en" ? String(n) : String(n).replace(".", ","));
  return spreadsheetCsv([header, ...lines.map((r) => r.map((c) => (c instanceof Date ? when(c) : typeof c === "number" ? decimal(c) : (c ?? ""))))], locale);
}

export async function hoursXlsx(view: Extract<HoursView, { ok: true }>, locale: Locale): Promise<Buffer> {
  const { header, lines } = rows(view, locale);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Kohtaamo";
  const ws = workbook.addWorksheet(translatorFor(locale).t("plan.hours.title").slice(0, 31));
  ws.addRow(header).font = { bold: true };
  // Names, titles and places are typed by staff: never a formula in the funder's spreadsheet.
  for (const r of spreadsheetRows(lines)) ws.addRow(r);
  ws.getColumn(2).numFmt = locale === "en" ? "d mmm yyyy hh:mm" : "d.m.yyyy hh:mm";
  for (const c of [5, 6]) ws.getColumn(c).numFmt = "0.00";
  [24, 18, 40, 24, 12, 10].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
