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

/** Loads the ledger rows the pure metrics need (open rows, rows ready in the period, orders placed in it). */
export async function loadBackorderMetrics(
  db: Db,
  shopId: string,
  period: { from: Date; to: Date },
  now: Date,
): Promise<BackorderMetrics> {
  const [rows, orders] = await Promise.all([
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
        placedAt: true,
        readyAt: true,
      },
    }),
    db.order.findMany({
      where: { shopId, placedAt: { gte: period.from, lt: period.to } },
      select: { orderId: true, placedAt: true },
    }),
  ]);
  return computeBackorderMetrics(
    rows.map((r) => ({ ...r, status: r.status as BackorderStatus })),
    orders,
    period,
    now,
  );
}
