import { variantStockChangedJob } from "../../web/server/queues/definitions/variant-stock-changed.ts";
import { watchMemory, type Child } from "../proc/fork-child.ts";
import { seedShop, seedVariant } from "../seed/seed-shop.ts";
import { seedSubscribers } from "../seed/seed-subscribers.ts";
import { clearQueues, firstJobError } from "./clear-queues.ts";
import { fmt, type BenchRow } from "./row-types.ts";
import { harnessDeps, startWorkers } from "./run-fanout.ts";
import { withSimulator } from "./with-simulator.ts";

const NAME = "fanout-1m-memory";
const TARGET = "worker RSS <= 300 MB throughout";
const BOUND_MS = 120_000;

/**
 * Planning and enqueueing a restock for N subscribers in one worker process (events queue only):
 * the ledger rows and send jobs are written, the sends themselves are not run (the sink would only
 * discard them). Its RSS is sampled every 200 ms, with the kernel's high-water mark (VmHWM).
 */
export const fanoutMemoryRow: BenchRow = {
  name: NAME,
  async run(ctx) {
    const n = ctx.sizes.memorySubscribers;
    return withSimulator({}, async (sim) => {
      const deps = harnessDeps(ctx);
      let worker: Child | undefined;
      try {
        const shop = await seedShop(deps, {
          name: "bench-fanout-1m",
          sim,
          settings: { waveMultiplier: 0, sendRatePerSecond: 0 },
        });
        const variant = await seedVariant(deps, sim, shop, { title: "Million", stock: 0 });
        const seedStart = performance.now();
        await seedSubscribers(deps.db, {
          shopId: shop.id,
          variantId: variant.variantId,
          count: n,
          prefix: "m",
        });
        ctx.log(`  seeded ${fmt(n)} subscribers in ${fmt((performance.now() - seedStart) / 1000, 1)} s`);
        sim.setInventory(shop.domain, variant.inventoryItemId, shop.locationId!, 50);
        [worker] = await startWorkers(ctx, sim, null, 1, { queues: ["events"], concurrency: 4 });
        const idle = worker!.memory();
        const memory = watchMemory(() => (worker ? [worker] : []));
        const t0 = performance.now();
        await deps.queues.enqueue(variantStockChangedJob, {
          shopId: shop.id,
          variantId: String(variant.variantId),
        });
        let notified = 0;
        let done = false;
        while (!done && performance.now() - t0 < BOUND_MS) {
          await new Promise((r) => setTimeout(r, 1_000));
          const event = await deps.db.restockEvent.findFirst({
            where: { shopId: shop.id },
            select: { status: true, notifiedCount: true },
          });
          notified = event?.notifiedCount ?? 0;
          done = event?.status === "COMPLETED";
        }
        const elapsedS = (performance.now() - t0) / 1000;
        const peak = memory.stop();
        const jobError = await firstJobError(deps);
        const enqueued = await deps.queues
          .get("email")
          .getJobCountByTypes("waiting", "delayed", "prioritized");
        ctx.log(
          `  ${fmt(notified)} planned, ${fmt(enqueued)} send jobs waiting, in ${fmt(elapsedS, 1)} s; peak RSS ${fmt(peak)} MB`,
        );
        return {
          name: NAME,
          ours: `peak worker RSS ${fmt(peak)} MB; ${fmt(notified)} planned + enqueued in ${fmt(elapsedS, 1)} s${done ? "" : " (bounded, not finished)"}`,
          baseline: "-",
          ratio: null,
          target: TARGET,
          pass: done && peak <= 300,
          notes: [
            `RSS after start ${fmt(idle?.rssMb ?? Number.NaN)} MB (the process's fixed cost: Prisma, shopify-api, BullMQ); ${fmt(n)} subscribers, ${fmt(enqueued)} send jobs left in the email queue (not sent; removed afterwards)`,
            ...(jobError ? [`a job failed: ${jobError}`] : []),
            ...(done
              ? []
              : [`stopped after ${BOUND_MS / 1000} s with ${fmt(notified)} of ${fmt(n)} planned`]),
          ],
          data: { subscribers: n, notified, enqueued, elapsedS, peakRssMb: peak, idle, done },
        };
      } finally {
        await worker?.stop();
        await clearQueues(deps);
        await deps.close();
      }
    });
  },
};
