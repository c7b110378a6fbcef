// GET /api/backorders (backorders feature): server-side filtered, sorted and paginated lines.

export type BackorderRow = {
  id: string;
  productId: string | null;
  orderId: string;
  orderName: string;
  customer: string | null;
  productTitle: string;
  variantTitle: string;
  sku: string | null;
  quantity: number;
  backorderedQuantity: number;
  orderedQuantity: number | null;
  /** Backordered units at first and at their peak (null: older than the line history). */
  initialBackorderedQuantity: number | null;
  peakBackorderedQuantity: number | null;
  backorderType: "partial" | "full" | null;
  /** Every change of the line's units or status, oldest first. */
  history: BackorderHistoryEntry[];
  placedAt: string;
  eta: string | null;
  overdue: boolean;
  status: string;
};

export type BackorderHistoryEntry = {
  at: string;
  kind: string;
  status: string;
  quantity: number;
  backorderedQuantity: number;
};

export type BackorderPage = { rows: BackorderRow[]; total: number | null; hasNext: boolean };

export type BackorderQuery = {
  status: string;
  /** A Shopify product id, or "" for every product. */
  product: string;
  overdue: boolean;
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
  return params.toString();
}

const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
const int = (v: unknown) => (typeof v === "number" ? v : null);

function readHistory(value: unknown): BackorderHistoryEntry[] {
  if (!Array.isArray(value)) return [];
  return (value as Record<string, unknown>[]).map((e) => ({
    at: String(e.at ?? ""),
    kind: String(e.kind ?? ""),
    status: String(e.status ?? ""),
    quantity: Number(e.quantity ?? 0),
    backorderedQuantity: Number(e.backorderedQuantity ?? 0),
  }));
}

export function readBackorderPage(body: unknown, q: BackorderQuery, now = new Date()): BackorderPage {
  const today = now.toISOString().slice(0, 10);
  const root = body as Record<string, unknown>;
  const items = (root.lines ?? root.backorders ?? root.items ?? []) as Record<string, unknown>[];
  const total = typeof root.total === "number" ? root.total : null;
  const rows = items.map((r): BackorderRow => ({
    id: String(r.id ?? r.lineItemId),
    productId: str(r.productId),
    orderId: String(r.orderId ?? ""),
    orderName: String(r.orderName ?? (r.orderId ? `#${String(r.orderId)}` : "")),
    // First name or masked email, from the server; never an address field, which could be whole.
    customer: str(r.customer),
    productTitle: String(r.productTitle ?? r.title ?? ""),
    variantTitle: String(r.variantTitle ?? ""),
    sku: str(r.sku),
    quantity: Number(r.quantity ?? 0),
    backorderedQuantity: Number(r.backorderedQuantity ?? r.quantity ?? 0),
    orderedQuantity: int(r.orderedQuantity),
    initialBackorderedQuantity: int(r.initialBackorderedQuantity),
    peakBackorderedQuantity: int(r.peakBackorderedQuantity),
    backorderType: r.backorderType === "partial" ? "partial" : r.backorderType === "full" ? "full" : null,
    history: readHistory(r.history),
    placedAt: String(r.placedAt ?? r.orderedAt ?? ""),
    eta: str(r.eta ?? r.etaCurrent),
    // An open line whose current ETA has passed (the list filter uses the same UTC day).
    overdue:
      typeof r.overdue === "boolean"
        ? r.overdue
        : r.status === "OPEN" && Boolean(r.etaCurrent ?? r.eta) && String(r.etaCurrent ?? r.eta) < today,
    status: String(r.status ?? ""),
  }));
  const hasNext =
    typeof root.hasNext === "boolean"
      ? root.hasNext
      : total !== null
        ? q.page * q.pageSize < total
        : rows.length === q.pageSize;
  return { rows, total, hasNext };
}

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
