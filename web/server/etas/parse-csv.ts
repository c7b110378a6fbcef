export type CsvParseResult =
  { ok: true; records: string[][] } | { ok: false; record: number; message: string };

/**
 * RFC 4180 CSV: comma-separated fields, CRLF (or bare LF, as spreadsheets on Unix export) between
 * records, double-quoted fields that may hold commas, quotes ("" escapes one) and line breaks.
 * No CSV package is installed (csv-parse and papaparse are not in package.json), hence this one.
 * A leading UTF-8 BOM (Excel's "CSV UTF-8") is dropped. A blank line is a record with one empty
 * field (callers skip those), so record numbers match the rows a merchant sees; `record` in an
 * error is 1-based.
 */
export function parseCsv(text: string): CsvParseResult {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let i = 0;
  // True once the current record has any content: at the end of the input, a final line break
  // does not open one more (empty) record.
  let started = false;

  const endField = () => {
    record.push(field);
    field = "";
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
    started = false;
  };

  while (i < input.length) {
    const ch = input[i]!;
    if (ch === '"') {
      if (field.length > 0) return fail(records, "a quote inside an unquoted field");
      started = true;
      i++;
      for (;;) {
        if (i >= input.length) return fail(records, "a quoted field is not closed");
        const c = input[i]!;
        if (c === '"') {
          if (input[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += c;
        i++;
      }
      const next = input[i];
      if (next !== undefined && next !== "," && next !== "\r" && next !== "\n") {
        return fail(records, "text after a closing quote");
      }
      // An empty quoted field ("") still counts as content for the record.
      continue;
    }
    if (ch === ",") {
      started = true;
      endField();
      i++;
    } else if (ch === "\r" || ch === "\n") {
      endRecord();
      i += ch === "\r" && input[i + 1] === "\n" ? 2 : 1;
    } else {
      started = true;
      field += ch;
      i++;
    }
  }
  if (started || field.length > 0) endRecord();
  return { ok: true, records };
}

function fail(records: string[][], message: string): CsvParseResult {
  return { ok: false, record: records.length + 1, message };
}

/** One CSV field per RFC 4180: quoted when it holds a comma, quote or line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** CRLF-terminated records, as RFC 4180 says. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(csvField).join(",") + "\r\n").join("");
}
