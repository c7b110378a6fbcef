import type { Prisma } from "@prisma/client";
import type { Queues } from "../queues/create-queues.ts";
import { parseCsv } from "../csv/read-csv.ts";
import type { Db } from "../db/create-prisma.ts";
import { applyEtaChanges } from "./apply-eta-changes.ts";
import { loadEtaShopContext } from "./eta-shop-context.ts";
import { calendarDate } from "./resolve-eta.ts";
import {
  dataRowCount,
  importIdentifiers,
  planEtaImport,
  readImportHeader,
  type ImportRowError,
} from "./validate-eta-import.ts";

export type ImportReport = {
  /** False when any row is bad: then nothing at all was written. */
  applied: boolean;
  rows: number;
  updated: number;
  errors: ImportRowError[];
  /** Rows applied (or that would be) with a date already past in the shop's timezone. */
  warnings: ImportRowError[];
};

/** What a background import (eta-import-job.ts) hears while one runs. */
export type ImportProgress = {
  /** The data rows that are not blank, once the file is read. */
  onRead?: (rows: number) => Promise<void>;
  /** Rows written so far inside the import's transaction. */
  onWritten?: (rows: number) => Promise<void>;
  /** The applied report, written in the same transaction as the rows. */
  beforeCommit?: (tx: Prisma.TransactionClient, report: ImportReport) => Promise<void>;
};

/** Validates every row of an ETA CSV, then applies all of them in one transaction, or none. */
export async function importEtaCsv(
  deps: { db: Db; queues: Queues },
  shopId: string,
  csv: string,
  now: Date,
  progress: ImportProgress = {},
): Promise<ImportReport> {
  const parsed = parseCsv(csv);
  if (!parsed.ok) return rejected(0, [{ row: parsed.record, message: `malformed CSV: ${parsed.message}` }]);
  if (parsed.records.length === 0) return rejected(0, [{ row: 1, message: "the file is empty" }]);
  const header = readImportHeader(parsed.records);
  if ("row" in header) return rejected(parsed.records.length - 1, [header]);
  await progress.onRead?.(dataRowCount(parsed.records));

  const { ids, skus } = importIdentifiers(parsed.records, header);
  const variants = await deps.db.variant.findMany({
    where: {
      shopId,
      deletedAt: null,
      OR: [{ variantId: { in: ids.map((id) => BigInt(id)) } }, { sku: { in: skus } }],
    },
    select: { variantId: true, sku: true },
  });
  const bySku = new Map<string, bigint[]>();
  for (const v of variants) if (v.sku) bySku.set(v.sku, [...(bySku.get(v.sku) ?? []), v.variantId]);
  const { timezone } = await loadEtaShopContext(deps.db, shopId);
  const plan = planEtaImport(
    parsed.records,
    header,
    { ids: new Set(variants.map((v) => v.variantId.toString())), skus: bySku },
    calendarDate(now, timezone),
  );
  if (plan.errors.length > 0) return rejected(plan.rows, plan.errors, plan.warnings);
  const report = (updated: number): ImportReport => ({
    applied: true,
    rows: plan.rows,
    updated,
    errors: [],
    warnings: plan.warnings,
  });
  const result = await applyEtaChanges(deps, shopId, plan.changes, "csv", now, {
    onWritten: progress.onWritten,
    beforeCommit: progress.beforeCommit && ((tx, r) => progress.beforeCommit!(tx, report(r.updated))),
  });
  return report(result.updated);
}

function rejected(rows: number, errors: ImportRowError[], warnings: ImportRowError[] = []): ImportReport {
  return { applied: false, rows, updated: 0, errors, warnings };
}
