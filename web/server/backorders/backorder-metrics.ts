/**
 * Dashboard numbers for the merchant ("which orders are backordered and for how long"), from plain
 * rows the repository loaded. Pure: the caller picks the rows, this only counts.
 */
import { backorderMix } from "./backorder-line-history.ts";
import type { BackorderStatus } from "./plan-backorder-transitions.ts";

export type BackorderMetricsRow = {
  orderId: bigint;
  variantId: bigint;
  status: BackorderStatus;
  backorderedQuantity: number;
  placedAt: Date;
  readyAt: Date | null;
  /** Units the line ordered (null when unknown), and the most it ever had backordered. */
  orderedQuantity: number | null;
  peakBackordered: number | null;
};

export type BackorderMetricsOrder = { orderId: bigint; placedAt: Date };

/** Half-open: `from` included, `to` excluded, so consecutive periods never count twice. */
export type MetricsPeriod = { from: Date; to: Date };

export type BackorderMetrics = {
  /** Current snapshot (status OPEN), whatever the period. */
  openLines: number;
  openUnits: number;
  openOrders: number;
  /** Orders placed in the period that had a backordered line / all orders placed in it (0 when none). */
  backorderRate: number;
  /** Order placed -> READY, for lines that became ready in the period; null when there were none. */
  avgDurationHours: number | null;
  p90DurationHours: number | null;
  /** Lines placed in the period, by partial (some units served from stock) or full backorder. */
  mix: BackorderMixMetrics;
  /** Backordered units of OPEN lines per variant, most units first. */
  unitsByVariant: { variantId: bigint; units: number }[];
};

export type BackorderMixMetrics = {
  partialLines: number;
  fullLines: number;
  /** Peak backordered units, and units ordered, on partial lines and on full lines. */
  partialBackorderedUnits: number;
  partialOrderedUnits: number;
  fullBackorderedUnits: number;
  /** Share of the lines that were partial (0 when none). */
  partialLineShare: number;
  /** Backordered units / ordered units on partial lines: how much of such a line waited (0 when none). */
  partialBackorderedShare: number;
  /** Backordered units / ordered units over all these lines (0 when none). */
  backorderedUnitShare: number;
  /** Lines whose history cannot tell (older than the history, or no order line). */
  unknownLines: number;
};

const HOUR_MS = 3_600_000;

export function computeBackorderMetrics(
  rows: readonly BackorderMetricsRow[],
  orders: readonly BackorderMetricsOrder[],
  period: MetricsPeriod,
  now: Date,
): BackorderMetrics {
  // Nothing can have happened after `now`; clamping keeps a future `to` from meaning more.
  const from = period.from.getTime();
  const to = Math.min(period.to.getTime(), now.getTime());
  const inPeriod = (date: Date) => date.getTime() >= from && date.getTime() < to;

  const open = rows.filter((row) => row.status === "OPEN");
  const unitsByVariant = new Map<bigint, number>();
  for (const row of open) {
    unitsByVariant.set(row.variantId, (unitsByVariant.get(row.variantId) ?? 0) + row.backorderedQuantity);
  }

  // Every BackorderLine row exists because its line was backordered at some point, cancelled or not.
  const backorderedOrders = new Set(rows.map((row) => row.orderId));
  const periodOrders = new Set(orders.filter((order) => inPeriod(order.placedAt)).map((o) => o.orderId));
  let backorderedInPeriod = 0;
  for (const orderId of periodOrders) if (backorderedOrders.has(orderId)) backorderedInPeriod++;

  const durations = rows
    .filter((row): row is BackorderMetricsRow & { readyAt: Date } => row.readyAt !== null)
    .filter((row) => inPeriod(row.readyAt))
    .map((row) => Math.max(0, row.readyAt.getTime() - row.placedAt.getTime()) / HOUR_MS)
    .sort((a, b) => a - b);

  return {
    mix: computeMix(rows.filter((row) => inPeriod(row.placedAt))),
    openLines: open.length,
    openUnits: open.reduce((sum, row) => sum + row.backorderedQuantity, 0),
    openOrders: new Set(open.map((row) => row.orderId)).size,
    backorderRate: periodOrders.size === 0 ? 0 : backorderedInPeriod / periodOrders.size,
    avgDurationHours: durations.length === 0 ? null : durations.reduce((a, b) => a + b, 0) / durations.length,
    p90DurationHours: nearestRankPercentile(durations, 0.9),
    unitsByVariant: [...unitsByVariant]
      .map(([variantId, units]) => ({ variantId, units }))
      .sort(
        (a, b) => b.units - a.units || (a.variantId < b.variantId ? -1 : a.variantId > b.variantId ? 1 : 0),
      ),
  };
}

/** Nearest-rank percentile (the smallest value with at least p of the values at or below it). */
function nearestRankPercentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[rank - 1] ?? null;
}

function computeMix(rows: readonly BackorderMetricsRow[]): BackorderMixMetrics {
  const mix: BackorderMixMetrics = {
    partialLines: 0,
    fullLines: 0,
    partialBackorderedUnits: 0,
    partialOrderedUnits: 0,
    fullBackorderedUnits: 0,
    partialLineShare: 0,
    partialBackorderedShare: 0,
    backorderedUnitShare: 0,
    unknownLines: 0,
  };
  for (const row of rows) {
    const kind = backorderMix(row.orderedQuantity, row.peakBackordered);
    if (kind === "partial") {
      mix.partialLines++;
      mix.partialBackorderedUnits += row.peakBackordered!;
      mix.partialOrderedUnits += row.orderedQuantity!;
    } else if (kind === "full") {
      mix.fullLines++;
      mix.fullBackorderedUnits += row.peakBackordered!;
    } else mix.unknownLines++;
  }
  const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);
  mix.partialLineShare = share(mix.partialLines, mix.partialLines + mix.fullLines);
  mix.partialBackorderedShare = share(mix.partialBackorderedUnits, mix.partialOrderedUnits);
  // A full line ordered exactly the units it had backordered.
  mix.backorderedUnitShare = share(
    mix.partialBackorderedUnits + mix.fullBackorderedUnits,
    mix.partialOrderedUnits + mix.fullBackorderedUnits,
  );
  return mix;
}
