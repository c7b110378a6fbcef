import type { Queues } from "../queues/create-queues.ts";
import { notifyOrderJob } from "../queues/definitions/notify-order.ts";
import type { Db } from "../db/create-prisma.ts";
import { enqueueCoalesced, NOTIFY_SETTLE_MS, NOTIFY_WINDOW_MS } from "../queues/enqueue-coalesced.ts";
import { loadVariantEtaResolver } from "./resolve-variant-eta.ts";

export type EtaChangeDeps = { db: Db; queues: Queues; now: () => Date };

/**
 * A merchant moved a variant's ETA: OPEN lines of the variant get the new etaCurrent, and each
 * affected order is scheduled for one "ETA changed" email. Changes to several variants of one order
 * within the settle window end up in the same email, because notify-order compares every line with
 * the ETA the customer was last told. Each line's ETA is resolved as at its order time.
 * Returns the orders whose lines moved.
 */
export async function notifyEtaChanged(
  deps: EtaChangeDeps,
  shopId: string,
  variantId: bigint,
): Promise<bigint[]> {
  const lines = await deps.db.backorderLine.findMany({
    where: { shopId, variantId, status: "OPEN" },
    select: { id: true, orderId: true, placedAt: true, etaCurrent: true },
  });
  if (lines.length === 0) return [];
  const resolve = await etaResolver(deps.db, shopId, variantId);
  const moved = new Set<bigint>();
  for (const line of lines) {
    const eta = resolve(line.placedAt);
    if ((eta?.getTime() ?? null) === (line.etaCurrent?.getTime() ?? null)) continue;
    await deps.db.backorderLine.update({ where: { id: line.id }, data: { etaCurrent: eta } });
    moved.add(line.orderId);
  }
  if (moved.size > 0) {
    // Marked before the enqueue: a crash in between leaves the orders to the sweeper.
    await deps.db.order.updateMany({
      where: { shopId, orderId: { in: [...moved] } },
      data: { summaryDirtyAt: deps.now(), notifyDirtyAt: deps.now() },
    });
  }
  for (const orderId of moved) {
    await enqueueCoalesced(
      deps.queues,
      notifyOrderJob,
      { shopId, orderId: String(orderId) },
      `${shopId}-${orderId}`,
      NOTIFY_WINDOW_MS,
      { settleMs: NOTIFY_SETTLE_MS },
    );
  }
  return [...moved];
}

async function etaResolver(db: Db, shopId: string, variantId: bigint): Promise<(at: Date) => Date | null> {
  const variant = await db.variant.findUnique({ where: { shopId_variantId: { shopId, variantId } } });
  const settings = await db.shopSettings.findUnique({
    where: { shopId },
    select: { defaultLeadTimeDays: true },
  });
  if (!variant) return () => null;
  return loadVariantEtaResolver(db, shopId, variant, settings?.defaultLeadTimeDays ?? null);
}

/** The ETA feature's eta-changed job: the resolved ETA of these variants moved. Returns affected orders. */
export async function notifyEtaChangedForVariants(
  deps: EtaChangeDeps,
  shopId: string,
  variantIds: readonly (string | bigint)[],
): Promise<number> {
  const orders = new Set<bigint>();
  for (const id of variantIds)
    for (const order of await notifyEtaChanged(deps, shopId, BigInt(id))) orders.add(order);
  return orders.size;
}
