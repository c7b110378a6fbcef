// The dashboard reads three APIs owned by three features; these are the shapes it relies on.

/** GET /api/backorders/metrics?from&to (backorders feature). */
export type BackorderMetricsView = {
  openOrders: number;
  openLines: number;
  openUnits: number;
  backorderRate: number;
  avgDurationHours: number | null;
  p90DurationHours: number | null;
  /** Lines placed in the period: partial (some units from stock) or full backorders. */
  mix: {
    partialLines: number;
    fullLines: number;
    partialBackorderedUnits: number;
    partialOrderedUnits: number;
    backorderedUnitShare: number;
  };
};

/** GET /api/activity/alerts?from&to (activity feature, this app's own). */
export type AlertMetricsView = {
  alertsSent: number;
  alertsFailed: number;
  conversions: number;
  revenue: number;
  currency: string | null;
  conversionRate: number;
  daily: { date: string; sent: number; conversions: number; revenue: number }[];
};

/**
 * GET /api/subscriptions/demand (subscriptions feature): one row per variant someone waits for.
 * The server calls ACTIVE subscribers `waiting`; `available` is the cached stock.
 */
export type DemandRow = {
  variantId: string;
  productTitle: string;
  variantTitle: string;
  sku: string | null;
  available: number | null;
  active: number;
  pending: number;
  notified: number;
};

export function readBackorderMetrics(body: unknown): BackorderMetricsView {
  const root = body as Record<string, unknown>;
  const m = (root.metrics ?? root) as Record<string, unknown>;
  const num = (v: unknown) => (typeof v === "number" ? v : Number(v ?? 0));
  const nullable = (v: unknown) => (v === null || v === undefined ? null : num(v));
  const mix = (m.mix ?? {}) as Record<string, unknown>;
  return {
    openOrders: num(m.openOrders),
    openLines: num(m.openLines),
    openUnits: num(m.openUnits),
    backorderRate: num(m.backorderRate),
    avgDurationHours: nullable(m.avgDurationHours),
    p90DurationHours: nullable(m.p90DurationHours),
    mix: {
      partialLines: num(mix.partialLines),
      fullLines: num(mix.fullLines),
      partialBackorderedUnits: num(mix.partialBackorderedUnits),
      partialOrderedUnits: num(mix.partialOrderedUnits),
      backorderedUnitShare: num(mix.backorderedUnitShare),
    },
  };
}

export function readDemand(body: unknown): DemandRow[] {
  const root = body as Record<string, unknown>;
  const rows = (root.variants ?? root.demand ?? root.items ?? []) as Record<string, unknown>[];
  return rows.map((r) => ({
    variantId: String(r.variantId ?? r.id ?? ""),
    productTitle: String(r.productTitle ?? r.title ?? ""),
    variantTitle: String(r.variantTitle ?? ""),
    sku: r.sku == null ? null : String(r.sku),
    available: typeof r.available === "number" ? r.available : null,
    active: Number(r.waiting ?? r.active ?? 0),
    pending: Number(r.pending ?? 0),
    notified: Number(r.notified ?? 0),
  }));
}
