// GET /api/backorders: server-side filtered, sorted and paginated lines (shape: web/contract/).

import type {
  BackorderHistoryEntry,
  BackorderListItem,
  BackorderPageResponse,
  BackorderViewQuery,
} from "../../../../contract/api-responses.ts";
import { isOverdue } from "../../format/format.ts";

export type { BackorderHistoryEntry, BackorderViewQuery };
export type BackorderRow = BackorderListItem;

/**
 * The list's state: the filters a view saves (status, "" for all; overdue only; the search by order,
 * customer, product or SKU; a Shopify product id or ""), as the server validates them, and the page.
 */
export type BackorderQuery = BackorderViewQuery & {
  sort: "placedAt" | "eta" | "backordered" | "status";
  direction: "asc" | "desc";
  page: number;
  pageSize: number;
};

export function backorderSearch(q: BackorderQuery): string {
  const params = new URLSearchParams({
    sort: q.sort,
    direction: q.direction,
    page: String(q.page),
    pageSize: String(q.pageSize),
  });
  if (q.status) params.set("status", q.status);
  if (q.product) params.set("product", q.product);
  if (q.overdue) params.set("overdue", "true");
  if (q.search.trim()) params.set("query", q.search.trim());
  return params.toString();
}

export function backorderPage(body: BackorderPageResponse): {
  rows: BackorderRow[];
  total: number;
  hasNext: boolean;
} {
  return { rows: body.items, total: body.total, hasNext: body.page * body.pageSize < body.total };
}

/** An open line whose current ETA has passed (the list's overdue filter uses the same UTC day). */
export const lineOverdue = (row: BackorderRow, now = new Date()) =>
  row.status === "OPEN" && isOverdue(row.etaCurrent, now);

/** The order's name as Shopify shows it ("#1042"); its id when the order is not stored. */
export const orderLabel = (row: BackorderRow) => row.orderName ?? `#${row.orderId}`;

/** The order in the Shopify admin: App Bridge resolves shopify:// links when embedded. */
export function orderAdminUrl(shop: string | null, orderId: string, embedded: boolean): string {
  if (embedded || !shop) return `shopify://admin/orders/${orderId}`;
  return `https://${shop}/admin/orders/${orderId}`;
}

/**
 * The units the Backordered column shows: an open line's units waiting now; a line that is ready,
 * fulfilled or cancelled shows the most it had waiting (its current count is 0 or stale), of the
 * units ordered.
 */
export function shownUnits(row: BackorderRow): { units: number | null; of: number } {
  if (row.status === "OPEN") return { units: row.backorderedQuantity, of: row.quantity };
  return { units: row.peakBackorderedQuantity, of: row.orderedQuantity ?? row.quantity };
}
