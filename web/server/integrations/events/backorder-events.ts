import type { Transition } from "../../backorders/plan-backorder-transitions.ts";
import type { Db } from "../../db/create-prisma.ts";
import type { Queues } from "../../queues/create-queues.ts";
import { emitIntegrationEvent } from "./emit-integration-event.ts";
import { isoDate, variantSummary } from "./event-fields.ts";

/**
 * backorder.created and backorder.ready for a committed recompute's transitions: order, line,
 * backordered units and ETA. Keyed by line and episode, so a retried recompute emits nothing new.
 */
export async function emitBackorderEvents(
  deps: { db: Db; queues: Queues },
  shopId: string,
  variantId: bigint,
  transitions: readonly Transition[],
): Promise<void> {
  const wanted = transitions.filter((t) => t.kind === "create" || t.kind === "ready");
  if (wanted.length === 0) return;
  const [lines, variant] = await Promise.all([
    deps.db.backorderLine.findMany({
      where: { shopId, lineItemId: { in: wanted.map((t) => t.lineItemId) } },
      select: { lineItemId: true, orderId: true, quantity: true, etaCurrent: true },
    }),
    variantSummary(deps.db, shopId, variantId),
  ]);
  const orders = await deps.db.order.findMany({
    where: { shopId, orderId: { in: [...new Set(lines.map((l) => l.orderId))] } },
    select: { orderId: true, name: true, email: true },
  });
  for (const t of wanted) {
    const line = lines.find((l) => l.lineItemId === t.lineItemId);
    const order = orders.find((o) => o.orderId === t.orderId);
    await emitIntegrationEvent(deps, shopId, {
      type: t.kind === "create" ? "backorder.created" : "backorder.ready",
      key: `${t.lineItemId}:${t.openedAt.toISOString()}`,
      email: order?.email ?? null,
      data: {
        order: { id: String(t.orderId), name: order?.name ?? null, customerEmail: order?.email ?? null },
        line: { id: String(t.lineItemId), quantity: line?.quantity ?? t.quantity },
        variant,
        units: t.backorderedQuantity,
        eta: isoDate(line?.etaCurrent ?? null),
        at: t.at.toISOString(),
      },
    });
  }
}
