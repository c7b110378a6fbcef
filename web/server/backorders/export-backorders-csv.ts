import { toCsv } from "../csv/write-csv.ts";
import type { Db } from "../db/create-prisma.ts";
import {
  backorderOrderBy,
  backorderWhere,
  describeBackorders,
  type BackorderFilters,
  type BackorderHistoryEntry,
  type BackorderListItem,
} from "./list-backorders.ts";

type Cell = string | number | null;
const field =
  (key: keyof BackorderListItem) =>
  (item: BackorderListItem): Cell =>
    item[key] as Cell;

const COLUMNS: [string, (item: BackorderListItem) => Cell][] = [
  ...(
    [
      "orderName",
      "orderId",
      "lineItemId",
      "productTitle",
      "variantTitle",
      "sku",
      "variantId",
      "status",
      "quantity",
      "backorderedQuantity",
      "etaAtOrder",
      "etaCurrent",
      "placedAt",
      "openedAt",
      "readyAt",
      "fulfilledAt",
      "cancelledAt",
      // The line's history, after the columns earlier exports had (their positions stay).
      "orderedQuantity",
      "initialBackorderedQuantity",
      "peakBackorderedQuantity",
      "backorderType",
    ] as const
  ).map((key): [string, (item: BackorderListItem) => Cell] => [key, field(key)]),
  ["unitHistory", (item) => unitHistory(item.history)],
];

/** "<at> <kind>: <backordered> of <open> backordered", oldest first, "; " between changes. */
function unitHistory(history: BackorderHistoryEntry[]): string | null {
  if (history.length === 0) return null;
  return history
    .map((e) => `${e.at} ${e.kind}: ${e.backorderedQuantity} of ${e.quantity} backordered`)
    .join("; ");
}

const CHUNK = 1000;

/** The filtered list as CSV (docs/csv-files.md), written chunk by chunk so a large shop never sits in memory. */
export async function* exportBackordersCsv(
  db: Db,
  shopId: string,
  filters: BackorderFilters,
  now: Date,
): AsyncGenerator<string> {
  yield toCsv([COLUMNS.map(([name]) => name)]);
  const where = await backorderWhere(db, shopId, filters, now);
  for (let skip = 0; ; skip += CHUNK) {
    const rows = await db.backorderLine.findMany({
      where,
      orderBy: backorderOrderBy(filters),
      skip,
      take: CHUNK,
    });
    if (rows.length === 0) return;
    const items = await describeBackorders(db, shopId, rows);
    yield toCsv(items.map((item) => COLUMNS.map(([, cell]) => cell(item))));
    if (rows.length < CHUNK) return;
  }
}
