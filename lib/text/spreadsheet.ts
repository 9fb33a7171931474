import { stringify } from "csv-stringify/sync";
import type { Locale } from "@/lib/i18n/locales";

/*
 * Text planners typed (a place's name, a county, a session's title) goes into
 * the funder's CSV and workbook. Excel and LibreOffice read a cell that starts
 * with =, +, - or @ (or a tab or carriage return before one) as a formula, so
 * "=HYPERLINK(…)" in a place name would become a live link or worse. A leading
 * apostrophe is the spreadsheets' own mark for "this is text"; Excel hides it.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function spreadsheetText(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** The same for every text cell of a table; numbers (and anything else) pass as they are. */
export function spreadsheetRows<T>(rows: T[][]): T[][] {
  return rows.map((row) => row.map((cell) => (typeof cell === "string" ? (spreadsheetText(cell) as T) : cell)));
}

/**
 * A table as a CSV file: UTF-8 with a byte order mark, so Excel reads ä, ö and
 * å right; Finnish and Swedish Excel expect ";" between fields (the comma is
 * their decimal mark). Text cells are guarded as above.
 */
export function spreadsheetCsv(rows: string[][], locale: Locale): string {
  return stringify(spreadsheetRows(rows), { delimiter: locale === "en" ? "," : ";", bom: true, record_delimiter: "windows" });
}
