import { z } from "zod";
import type { Db } from "../db/create-prisma.ts";
import { computeBackorderMetrics, type BackorderMetrics } from "./backorder-metrics.ts";
import type { BackorderStatus } from "./plan-backorder-transitions.ts";

const DAY_MS = 86_400_000;

export const metricsQuerySchema = z.object({
  from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
});

/** Period defaults to the last 30 days. */
export function metricsPeriod(q: z.output<typeof metricsQuerySchema>, now: Date): { from: Date; to: Date } {
  const to = q.to ? new Date(q.to) : now;
  const from = q.from ? new Date(q.from) : new Date(to.getTime() - 30 * DAY_MS);
  return { from, to };
}

/** The ordered quantity of each line (the mix needs it only for lines placed in the period). */
async function loadOrderedQuantities(
  db: Db,
  shopId: string,
  lineItemIds: bigint[],
): Promise<Map<bigint, number>> {
  const result = new Map<bigint, number>();
  for (let i = 0; i < lineItemIds.length; i += 5_000) {
    const rows = await db.orderLine.findMany({
      where: { shopId, lineItemId: { in: lineItemIds.slice(i, i + 5_000) } },
      select: { lineItemId: true, quantity: true },
    });
    for (const row of rows) result.set(row.lineItemId, row.quantity);
  }
  return result;
}

/** Loads the ledger rows the pure metrics need (open rows, rows ready in the period, orders placed in it). */
export async function loadBackorderMetrics(
  db: Db,
  shopId: string,
  period: { from: Date; to: Date },
  now: Date,
): Promise<BackorderMetrics> {
  const [lines, orders] = await Promise.all([
    db.backorderLine.findMany({
      where: {
        shopId,
        OR: [
          { status: "OPEN" },
          { readyAt: { gte: period.from, lt: period.to } },
          { placedAt: { gte: period.from, lt: period.to } },
        ],
      },
      select: {
        orderId: true,
        variantId: true,
        status: true,
        backorderedQuantity: true,
        lineItemId: true,
        placedAt: true,
        readyAt: true,
        peakBackordered: true,
      },
    }),
    db.order.findMany({
      where: { shopId, placedAt: { gte: period.from, lt: period.to } },
      select: { orderId: true, placedAt: true },
    }),
  ]);
  const ordered = await loadOrderedQuantities(
    db,
    shopId,
    lines.filter((l) => l.placedAt >= period.from && l.placedAt < period.to).map((l) => l.lineItemId),
  );
  return computeBackorderMetrics(
    lines.map((r) => ({
      ...r,
      status: r.status as BackorderStatus,
      orderedQuantity: ordered.get(r.lineItemId) ?? null,
    })),
    orders,
    period,
    now,
  );
}

export type BackorderMetricsResponse = Omit<BackorderMetrics, "unitsByVariant"> & {
  from: string;
  to: string;
  unitsByVariant: { variantId: string; units: number }[];
};

/** GET /api/backorders/metrics: the metrics with their period, ids as strings. */
export function toMetricsResponse(
  metrics: BackorderMetrics,
  period: { from: Date; to: Date },
): BackorderMetricsResponse {
  return {
    ...metrics,
    from: period.from.toISOString(),
    to: period.to.toISOString(),
    unitsByVariant: metrics.unitsByVariant.map((v) => ({ variantId: String(v.variantId), units: v.units })),
  };
}
