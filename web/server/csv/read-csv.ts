import { CsvError, parse } from "csv-parse/sync";
import { FORMULA_START } from "./write-csv.ts";

export type CsvParseResult =
  { ok: true; records: string[][] } | { ok: false; record: number; message: string };

const PROBLEMS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: "a quoted field is not closed",
  INVALID_OPENING_QUOTE: "a quote inside an unquoted field",
  CSV_INVALID_OPENING_QUOTE: "a quote inside an unquoted field",
  CSV_INVALID_CLOSING_QUOTE: "text after a closing quote",
};

/**
 * Every CSV import reads through this (see docs/csv-files.md). Fields are separated by `,` or, as
 * Excel writes them where the decimal separator is a comma, by `;`: the header line decides.
 * Double-quoted fields may hold separators, quotes ("" escapes one) and line breaks; records end
 * with CRLF, LF or CR. A leading UTF-8 BOM is dropped. A blank line is a record with one empty field
 * (callers skip those), so record numbers match the rows a merchant sees; `record` in an error is
 * 1-based. A text cell our exports defused (`'` before a formula character) reads back as written,
 * unless `raw` asks for the cells exactly as they are in the file.
 */
export function parseCsv(text: string, opts: { raw?: boolean } = {}): CsvParseResult {
  try {
    const records: string[][] = parse(text, {
      bom: true,
      delimiter: detectDelimiter(text),
      record_delimiter: ["\r\n", "\n", "\r"],
      relax_column_count: true,
      cast: (value) => (opts.raw ? value : undoDefuse(value)),
    });
    return { ok: true, records };
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const records = typeof error.records === "number" ? error.records : 0;
    return { ok: false, record: records + 1, message: PROBLEMS[error.code] ?? error.message };
  }
}

/** `;` when the first line (the header) has more semicolons than commas outside quotes, else `,`. */
export function detectDelimiter(text: string): "," | ";" {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && ch === ",") commas++;
    else if (!quoted && ch === ";") semicolons++;
  }
  return semicolons > commas ? ";" : ",";
}

function undoDefuse(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}
