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
