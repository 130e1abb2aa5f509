// CSV for spreadsheets: text cells that a spreadsheet would run as a formula are neutralised.
import { stringify } from "csv-stringify/sync";

/**
 * Leading characters that make Excel, LibreOffice, Google Sheets or Numbers read a cell as a formula:
 * the set csv-stringify's `escape_formulas` uses (OWASP "CSV injection"), full-width forms included.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** A number the app writes with two decimals ("75.00", "-1.50"): written as it is, never prefixed. */
export class Decimal2 {
  constructor(readonly value: number) {}
  toString() {
    return this.value.toFixed(2);
  }
}

export type CsvCell = string | number | Decimal2;

/** Prefixes a formula-looking text with an apostrophe, which spreadsheets show as text and hide. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * Text (titles, names, comments: anything people typed) is neutralised; numbers the app computed stay
 * numbers. csv-stringify's own `escape_formulas` would also prefix a negative number, so it is not used.
 */
export function toCsv(rows: CsvCell[][]): string {
  return stringify(rows.map((row) => row.map((cell) => (typeof cell === "string" ? neutraliseFormula(cell) : String(cell)))));
}
