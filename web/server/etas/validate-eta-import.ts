import type { EtaChange } from "./eta-change.ts";
import { isValidIsoDate } from "./resolve-eta.ts";
import { MESSAGE_MAX_LENGTH } from "./eta-input-schema.ts";
import { isShopifyIdText } from "../shopify-id.ts";

export const IMPORT_MAX_ROWS = 50_000;

/** `row` is the spreadsheet row number: the header is row 1. */
export type ImportRowError = { row: number; column?: string; message: string };

/** What the rows name, for the caller to look up in one query. */
export type ImportLookup = {
  /** variant id (as text) -> exists in the shop */
  ids: ReadonlySet<string>;
  /** sku -> variant ids with that sku */
  skus: ReadonlyMap<string, readonly bigint[]>;
};

/**
 * `rows` counts the data rows that are not blank. `warnings` are rows that are applied but that
 * the merchant should look at: a date already past is stored, and shoppers see no date until it moves.
 */
export type ImportPlan = {
  changes: EtaChange[];
  errors: ImportRowError[];
  warnings: ImportRowError[];
  rows: number;
};

type Header = { id?: number; sku?: number; eta: number; message?: number; width: number };

export function readImportHeader(records: string[][]): Header | ImportRowError {
  const names = (records[0] ?? []).map((h) => h.trim().toLowerCase());
  const at = (name: string) => (names.includes(name) ? names.indexOf(name) : undefined);
  const dup = names.find((n, i) => n !== "" && names.indexOf(n) !== i);
  if (dup) return { row: 1, message: `column "${dup}" appears twice` };
  const header = {
    id: at("variant_id"),
    sku: at("sku"),
    eta: at("eta"),
    message: at("message"),
    width: names.length,
  };
  if (header.eta === undefined || (header.id === undefined && header.sku === undefined)) {
    return { row: 1, message: 'the header needs an "eta" column and a "sku" or "variant_id" column' };
  }
  return { ...header, eta: header.eta };
}

/** Variant ids and skus the data rows mention (for the lookup query). */
export function importIdentifiers(records: string[][], header: Header): { ids: string[]; skus: string[] } {
  const ids = new Set<string>();
  const skus = new Set<string>();
  for (const record of records.slice(1)) {
    const id = normaliseVariantId(cell(record, header.id));
    if (id) ids.add(id);
    const sku = cell(record, header.sku);
    if (sku) skus.add(sku);
  }
  return { ids: [...ids], skus: [...skus] };
}

/**
 * Checks every row before anything is written: an unknown variant or sku, an ambiguous sku, a
 * bad date, a bad message or a second row for the same variant is an error with its row number.
 * An empty `eta` clears the date; an absent `message` column keeps messages, an empty cell clears it.
 * `variant_id` wins over `sku` when a row has both (an export has both). `today` is the shop's
 * calendar day (`YYYY-MM-DD`): an earlier date is a warning for its row.
 */
export function planEtaImport(
  records: string[][],
  header: Header,
  lookup: ImportLookup,
  today: string,
): ImportPlan {
  const errors: ImportRowError[] = [];
  const warnings: ImportRowError[] = [];
  const changes: EtaChange[] = [];
  const seen = new Map<bigint, number>();
  const data = records.slice(1);
  if (data.length > IMPORT_MAX_ROWS) {
    return {
      changes: [],
      rows: data.length,
      errors: [{ row: 1, message: `at most ${IMPORT_MAX_ROWS} rows per file` }],
      warnings: [],
    };
  }
  data.forEach((record, index) => {
    const row = index + 2;
    if (isBlank(record)) return;
    const fail = (message: string, column?: string) =>
      errors.push({ row, ...(column ? { column } : {}), message });
    if (record.length > header.width)
      return fail(`${record.length} fields but the header has ${header.width}`);

    const variantId = resolveVariant(record, header, lookup, fail);
    const eta = cell(record, header.eta);
    if (eta && !isValidIsoDate(eta)) fail(`"${eta}" is not a date as YYYY-MM-DD`, "eta");
    else if (eta && eta < today) warnings.push({ row, column: "eta", message: pastEtaWarning(eta) });
    const message = header.message === undefined ? undefined : cell(record, header.message);
    if (message && message.length > MESSAGE_MAX_LENGTH)
      fail(`longer than ${MESSAGE_MAX_LENGTH} characters`, "message");
    if (message && /[\r\n]/.test(message)) fail("must be a single line", "message");
    if (variantId === undefined) return;

    const first = seen.get(variantId);
    if (first !== undefined) return fail(`variant ${variantId} is already on row ${first}`);
    seen.set(variantId, row);
    changes.push({
      variantId,
      eta: eta || null,
      ...(message === undefined ? {} : { message: message || null }),
    });
  });
  return { changes: errors.length > 0 ? [] : changes, errors, warnings, rows: dataRowCount(records) };
}

/** Said to the merchant when a date they set is already past (shoppers never see a past date). */
export function pastEtaWarning(eta: string): string {
  return `${eta} has already passed: shoppers and customers see no date for this variant until you set a later one`;
}

function resolveVariant(
  record: string[],
  header: Header,
  lookup: ImportLookup,
  fail: (message: string, column?: string) => void,
): bigint | undefined {
  const rawId = cell(record, header.id);
  if (rawId) {
    const id = normaliseVariantId(rawId);
    if (!id) return void fail(`"${rawId}" is not a variant id`, "variant_id");
    if (!lookup.ids.has(id)) return void fail(`no variant ${id} in this shop`, "variant_id");
    return BigInt(id);
  }
  const sku = cell(record, header.sku);
  if (!sku) return void fail("a sku or a variant_id is required");
  const matches = lookup.skus.get(sku) ?? [];
  if (matches.length === 0) return void fail(`no variant with sku "${sku}"`, "sku");
  if (matches.length > 1)
    return void fail(`sku "${sku}" matches ${matches.length} variants: use variant_id`, "sku");
  return matches[0];
}

/** The data rows (after the header) that are not blank: what an import reports as `rows`. */
export function dataRowCount(records: string[][]): number {
  return records.slice(1).filter((record) => !isBlank(record)).length;
}

function isBlank(record: string[]): boolean {
  return record.every((field) => field.trim() === "");
}

function cell(record: string[], index: number | undefined): string {
  return index === undefined ? "" : (record[index] ?? "").trim();
}

/** Accepts a numeric id or a ProductVariant GID. */
function normaliseVariantId(value: string): string | undefined {
  const match = /^(?:gid:\/\/shopify\/ProductVariant\/)?(\d{1,20})$/.exec(value);
  return match && isShopifyIdText(match[1]!) ? match[1] : undefined;
}
