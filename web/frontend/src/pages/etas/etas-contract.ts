// /api/etas* (ETA feature). Rows follow web/server/etas/eta-view.ts `EtaView`.

export type EtaRowView = {
  variantId: string;
  productTitle: string;
  variantTitle: string;
  sku: string | null;
  available: number;
  inventoryPolicy: string;
  tracked: boolean;
  backordered: boolean;
  /** What the merchant set (explicit), if anything. */
  explicitEta: string | null;
  explicitMessage: string | null;
  /** Resolved ETA (explicit, else lead time) and its origin. */
  eta: string | null;
  etaSource: string;
  message: string | null;
  overdue: boolean;
};

export type EtaListQuery = {
  search: string;
  filter: "all" | "overdue" | "backordered";
  page: number;
  pageSize: number;
};

export function etaSearch(q: EtaListQuery): string {
  const params = new URLSearchParams({ page: String(q.page), pageSize: String(q.pageSize) });
  if (q.search.trim()) params.set("query", q.search.trim());
  if (q.filter !== "all") params.set("filter", q.filter);
  return params.toString();
}

export function readEtaPage(
  body: unknown,
  q: EtaListQuery,
): { rows: EtaRowView[]; total: number | null; hasNext: boolean; today: string } {
  const root = body as Record<string, unknown>;
  const items = (root.variants ?? root.etas ?? root.items ?? []) as Record<string, unknown>[];
  const rows = items.map((r) => {
    const explicit = (r.explicit ?? null) as { eta?: string | null; message?: string | null } | null;
    return {
      variantId: String(r.variantId),
      productTitle: String(r.productTitle ?? ""),
      variantTitle: String(r.variantTitle ?? ""),
      sku: r.sku == null ? null : String(r.sku),
      available: Number(r.available ?? 0),
      inventoryPolicy: String(r.inventoryPolicy ?? ""),
      tracked: r.tracked !== false,
      backordered: Boolean(r.backordered),
      explicitEta: explicit?.eta ?? null,
      explicitMessage: explicit?.message ?? null,
      eta: r.eta == null ? null : String(r.eta),
      etaSource: String(r.etaSource ?? "none"),
      message: r.message == null ? null : String(r.message),
      overdue: Boolean(r.overdue),
    };
  });
  const total = typeof root.total === "number" ? root.total : null;
  const hasNext =
    typeof root.hasNext === "boolean"
      ? root.hasNext
      : total !== null
        ? q.page * q.pageSize < total
        : rows.length === q.pageSize;
  // The shop's calendar day; the browser's own day when an older server does not send it.
  const today = typeof root.today === "string" ? root.today : localToday();
  return { rows, total, hasNext, today };
}

function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** POST /api/etas/import: all rows or none; a bad row answers 422 with this report in `details`. */
export type ImportReport = {
  applied: boolean;
  rows: number;
  updated: number;
  errors: ImportRowProblem[];
  /** Rows taken as they are but worth a look (a date already past). */
  warnings: ImportRowProblem[];
};

export type ImportRowProblem = { row: number; column?: string; message: string };

function readRowProblems(list: unknown): ImportRowProblem[] {
  return ((list ?? []) as Record<string, unknown>[]).map((e) => ({
    row: Number(e.row ?? 0),
    column: e.column == null ? undefined : String(e.column),
    message: String(e.message ?? ""),
  }));
}

export function readImportReport(body: unknown): ImportReport {
  const root = body as Record<string, unknown>;
  return {
    applied: root.applied !== false,
    rows: Number(root.rows ?? 0),
    updated: Number(root.updated ?? 0),
    errors: readRowProblems(root.errors),
    warnings: readRowProblems(root.warnings),
  };
}
