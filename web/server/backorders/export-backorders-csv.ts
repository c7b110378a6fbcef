import type { Db } from "../db/create-prisma.ts";
import {
  backorderOrderBy,
  backorderWhere,
  describeBackorders,
  type BackorderFilters,
  type BackorderListItem,
} from "./list-backorders.ts";

const COLUMNS: (keyof BackorderListItem)[] = [
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
];

const CHUNK = 1000;

/** The filtered list as CSV (RFC 4180), written chunk by chunk so a large shop never sits in memory. */
export async function* exportBackordersCsv(
  db: Db,
  shopId: string,
  filters: BackorderFilters,
  now: Date,
): AsyncGenerator<string> {
  yield `${COLUMNS.join(",")}\r\n`;
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
    yield items.map((item) => `${COLUMNS.map((c) => csvCell(item[c])).join(",")}\r\n`).join("");
    if (rows.length < CHUNK) return;
  }
}

/** Quotes when needed; a leading = + - @ is defused so a spreadsheet never runs a cell as a formula. */
export function csvCell(value: string | number | null): string {
  if (value === null) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
