import { stringify } from "csv-stringify/sync";

/** What a CSV cell may hold: numbers stay numbers (a negative stock count is not a formula). */
export type CsvCell = string | number | bigint | null | undefined;

/** The characters a spreadsheet reads as the start of a formula (see docs/csv-files.md). */
export const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell that starts like a formula, prefixed with `'` so the spreadsheet shows it as text. */
export function defuseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * CSV records (RFC 4180: comma-separated, CRLF after each record, quoted when a cell holds a comma,
 * quote or line break), every text cell defused. Empty and null cells are empty. Every export writes
 * through this, a chunk of records at a time.
 */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  if (rows.length === 0) return "";
  return stringify(
    rows.map((row) => [...row]),
    {
      record_delimiter: "windows",
      // csv-stringify quotes a cell holding "\r\n" or "\n" but not a lone "\r", which readers
      // (ours included) take for a line break.
      quoted_match: "\r",
      cast: { string: defuseFormula, bigint: (value) => value.toString() },
    },
  );
}
