import { pushOrderSummariesJob } from "../../web/server/queues/definitions/push-order-summaries.ts";
import { syncOrderTagJob } from "../../web/server/queues/definitions/sync-order-tag.ts";
import type { Child } from "../proc/fork-child.ts";
import { seedShop, seedVariant } from "../seed/seed-shop.ts";
import { clearQueues, firstJobError } from "./clear-queues.ts";
import { fmt, type BenchRow } from "./row-types.ts";
import { harnessDeps, startWorkers } from "./run-fanout.ts";
import { withSimulator } from "./with-simulator.ts";

const NAME = "admin-writes";
const TARGET = ">= 0.9 of the restore rate; 0 failed jobs";
const BOUND_MS = 150_000;

/**
 * N orders each needing the backorder tag and a summary metafield, written by one worker against the
 * simulator's cost bucket, which starts empty: the best possible rate is the restore rate.
 */
export const adminWritesRow: BenchRow = {
  name: NAME,
  async run(ctx) {
    const n = ctx.sizes.adminOrders;
    const rate = ctx.sizes.adminRestoreRate;
    return withSimulator({ restoreRate: rate }, async (sim) => {
      const deps = harnessDeps(ctx);
      let worker: Child | undefined;
      try {
        const shop = await seedShop(deps, { name: "bench-admin", sim });
        const variant = await seedVariant(deps, sim, shop, {
          title: "Backordered",
          stock: 0,
          policy: "CONTINUE",
        });
        const orderIds: bigint[] = [];
        for (let i = 0; i < n; i++) {
          const order = sim.placeOrder(shop.domain, {
            email: `buyer-${i}@example.com`,
            lines: [{ variantId: variant.variantId, quantity: 1 }],
          });
          const line = order.lineItems[0]!;
          const placedAt = new Date();
          orderIds.push(order.id);
          await deps.db.order.create({
            data: { shopId: shop.id, orderId: order.id, placedAt, summaryDirtyAt: placedAt },
          });
          await deps.db.backorderLine.create({
            data: {
              shopId: shop.id,
              orderId: order.id,
              lineItemId: line.id,
              variantId: variant.variantId,
              quantity: 1,
              backorderedQuantity: 1,
              placedAt,
            },
          });
        }
        sim.setBucket(shop.domain, { currentlyAvailable: 0 });
        [worker] = await startWorkers(ctx, sim, null, 1, { queues: ["shopify"], concurrency: 10 });
        const logFrom = sim.graphqlLog.length;
        const t0 = performance.now();
        await deps.queues.enqueueBulk(
          syncOrderTagJob,
          orderIds.map((id) => ({
            payload: { shopId: shop.id, orderId: String(id) },
            jobId: `bench-tag-${id}`,
          })),
        );
        await deps.queues.enqueue(
          pushOrderSummariesJob,
          { shopId: shop.id },
          { jobId: `bench-summaries-${shop.id}` },
        );
        let tagged = 0;
        let dirty = n;
        while ((tagged < n || dirty > 0) && performance.now() - t0 < BOUND_MS) {
          await new Promise((r) => setTimeout(r, 250));
          tagged = await deps.db.order.count({ where: { shopId: shop.id, tags: { has: "backorder" } } });
          dirty = await deps.db.order.count({ where: { shopId: shop.id, summaryDirtyAt: { not: null } } });
        }
        const elapsedS = (performance.now() - t0) / 1000;
        const calls = sim.graphqlLog.slice(logFrom).filter((e) => e.operationType === "mutation");
        const points = calls.reduce((s, e) => s + (e.throttled ? 0 : (e.actualCost ?? 0)), 0);
        const throttled = calls.filter((e) => e.throttled).length;
        const failed = await deps.queues.get("shopify").getJobCountByTypes("failed");
        const onShopify = orderIds.filter((id) =>
          sim.getOrderTags(shop.domain, id).includes("backorder"),
        ).length;
        const withSummary = orderIds.filter(
          (id) => sim.getMetafields(`gid://shopify/Order/${id}`).length > 0,
        ).length;
        const jobError = await firstJobError(deps);
        const achieved = points / elapsedS;
        const ratio = achieved / rate;
        const complete = onShopify === n && withSummary === n;
        return {
          name: NAME,
          ours: `${fmt(achieved, 1)} points/s; ${fmt(onShopify)} tags + ${fmt(withSummary)} summaries in ${fmt(elapsedS, 1)} s; ${failed} failed jobs`,
          baseline: `${fmt(rate)} points/s (restore rate)`,
          ratio,
          target: TARGET,
          pass: ratio >= 0.9 && failed === 0 && complete,
          notes: [
            `${fmt(n)} orders; ${calls.length - throttled} mutations accepted (${fmt(points)} points), ${throttled} answered THROTTLED and retried; bucket emptied before the start; 1 worker, concurrency 10`,
            ...(jobError ? [`a job failed: ${jobError}`] : []),
            ...(complete
              ? []
              : [
                  `incomplete after ${fmt(elapsedS, 1)} s: ${onShopify} tagged and ${withSummary} summaries on the simulator`,
                ]),
          ],
          data: {
            orders: n,
            elapsedS,
            points,
            mutations: calls.length,
            throttled,
            failed,
            onShopify,
            withSummary,
            restoreRate: rate,
          },
        };
      } finally {
        await worker?.stop();
        await clearQueues(deps);
        await deps.close();
      }
    });
  },
};
