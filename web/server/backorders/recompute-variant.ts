import { enqueueEtaMetafieldSync } from "../etas/enqueue-eta-jobs.ts";
import type { Db } from "../db/create-prisma.ts";
import type { Queues } from "../queues/create-queues.ts";
import { variantStockChangedJob } from "../queues/definitions/variant-stock-changed.ts";
import { sumCountedAvailable } from "../inventory/sum-counted-available.ts";
import { enqueueSellingPolicy } from "../controls/enqueue-selling-policy.ts";
import { withPriorityClasses } from "../controls/priority-classes.ts";
import { allocateBackorders } from "./allocate-backorders.ts";
import { applyBackorderTransitions } from "./apply-backorder-transitions.ts";
import { enqueueOrderFollowUps } from "./enqueue-order-follow-ups.ts";
import { emitBackorderEvents } from "../integrations/events/backorder-events.ts";
import { loadVariantLines } from "./load-variant-lines.ts";
import { planBackorderTransitions, type Transition } from "./plan-backorder-transitions.ts";
import { loadVariantEtaResolver } from "./resolve-variant-eta.ts";
import { retryWrite } from "../retry-write.ts";

export type RecomputeDeps = { db: Db; queues: Queues; now: () => Date };

export type RecomputeResult = { available: number; stockChanged: boolean; transitions: Transition[] };

/**
 * Allocates one variant's backordered units from the database and applies the planned transitions
 * in one transaction, holding the Variant row lock so concurrent workers serialize per variant.
 * Idempotent: a second run against the same data plans nothing.
 */
export async function recomputeVariant(
  deps: RecomputeDeps,
  shopId: string,
  variantId: bigint,
): Promise<RecomputeResult | null> {
  const result = await deps.db.$transaction(
    async (tx) => {
      const [locked] = await tx.$queryRaw<{ id: string }[]>`
        SELECT "id" FROM "Variant" WHERE "shopId" = ${shopId} AND "variantId" = ${variantId} FOR UPDATE`;
      if (!locked) return null;
      const variant = await tx.variant.findUniqueOrThrow({ where: { id: locked.id } });
      const settings = await tx.shopSettings.findUnique({ where: { shopId } });
      const available =
        variant.inventoryItemId === null
          ? variant.available
          : await sumCountedAvailable(
              tx,
              shopId,
              variant.inventoryItemId,
              settings?.countedLocationIds ?? [],
            );
      const stockChanged = available !== variant.available;
      if (stockChanged) await tx.variant.update({ where: { id: variant.id }, data: { available } });

      const { lines: loaded, existing } = await loadVariantLines(tx, shopId, variantId);
      const { lines, priority } = await withPriorityClasses(tx, shopId, loaded, settings);
      // A deleted variant keeps its last known stock: its open lines still close on fulfilment or
      // cancellation, and nothing else about them can be known any more.
      const allocation = allocateBackorders({ available, tracked: variant.tracked, lines, priority });
      const now = deps.now();
      const transitions = planBackorderTransitions(existing, allocation, now);
      if (transitions.length > 0) {
        const eta = await loadVariantEtaResolver(tx, shopId, variant, settings?.defaultLeadTimeDays ?? null);
        const placedAt = new Map(lines.map((l) => [l.lineItemId, l.placedAt]));
        const peak = new Map(existing.map((row) => [row.lineItemId, row.peakBackordered]));
        await applyBackorderTransitions(
          tx,
          shopId,
          transitions,
          {
            variantId,
            placedAt: (id) => placedAt.get(id) ?? now,
            eta,
            peakBackordered: (id) => peak.get(id) ?? null,
          },
          eta(now),
        );
        await tx.order.updateMany({
          where: { shopId, orderId: { in: [...new Set(transitions.map((t) => t.orderId))] } },
          data: { summaryDirtyAt: now },
        });
        // Owed emails are marked with the transitions, so a crash before the enqueue loses none.
        const emailOrders = [...new Set(transitions.filter((t) => t.email !== null).map((t) => t.orderId))];
        if (emailOrders.length > 0)
          await tx.order.updateMany({
            where: { shopId, orderId: { in: emailOrders } },
            data: { notifyDirtyAt: now },
          });
      }
      return { available, stockChanged, transitions };
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
  if (!result) return null;
  // After commit: every follow-up reads the committed state, and is safe to enqueue twice. A queue
  // backend away for a few seconds (a Redis restart) is ridden out here: once this job fails, its
  // retry plans no transition and enqueues nothing, and the owed emails would wait for the sweep.
  // One stamp for every try: a retry re-adds the same stock-changed job, never a second one.
  const stamp = Date.now();
  await retryWrite(() => enqueueFollowUps(deps, shopId, variantId, result, stamp), {
    forMs: FOLLOW_UP_RETRY_MS,
  });
  return result;
}

/** How long the follow-up enqueues of a committed recompute are retried before the job fails. */
export const FOLLOW_UP_RETRY_MS = 20_000;

async function enqueueFollowUps(
  deps: RecomputeDeps,
  shopId: string,
  variantId: bigint,
  result: RecomputeResult,
  stamp: number,
): Promise<void> {
  if (result.stockChanged) {
    await deps.queues.enqueue(
      variantStockChangedJob,
      { shopId, variantId: String(variantId) },
      { jobId: `variant-stock-changed-${shopId}-${variantId}-${stamp}` },
    );
    await enqueueEtaMetafieldSync(deps, shopId);
  }
  await enqueueOrderFollowUps(deps.queues, shopId, result.transitions);
  await emitBackorderEvents(deps, shopId, variantId, result.transitions);
  // The backordered units moved: a cap may now be reached, or no longer be.
  if (result.stockChanged || result.transitions.length > 0)
    await enqueueSellingPolicy(deps.queues, shopId, [variantId]);
}
