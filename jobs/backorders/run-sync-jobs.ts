import type { z } from "zod";
import { reconcileShopJob } from "../../web/server/queues/definitions/reconcile-backorders.ts";
import {
  SYNC_MAX_POLLS,
  syncPollDelayMs,
  syncShopJob,
} from "../../web/server/queues/definitions/sync-shop.ts";
import { runShopSync } from "../../web/server/inventory/run-shop-sync.ts";
import { enqueueRecompute } from "../../web/server/queues/enqueue-variant-work.ts";
import { shopAdminClient } from "../../web/server/shopify/admin/shop-admin-client.ts";
import { UnrecoverableError } from "bullmq";
import type { AppDeps } from "../../web/server/app-deps.ts";

type SyncPayload = z.output<typeof syncShopJob.schema>;

/**
 * One step of the initial sync. The bulk_operations/finish webhook normally finishes it
 * (handle-bulk-operation-finish.ts); meanwhile a delayed copy of the job polls, as a fallback.
 */
export async function runSyncShopStep(deps: AppDeps, data: SyncPayload) {
  const client = shopAdminClient(deps, data.shopId);
  const step = await runShopSync({ db: deps.db, client, now: deps.now }, data.shopId, data.bulkOperationId);
  if (step.state === "failed") throw new UnrecoverableError(step.reason);
  if (step.state === "settled") return { state: step.state };
  if (step.state === "done") {
    // Every variant: its counted `available` is summed (and published) by the recompute.
    await enqueueRecompute(deps.queues, data.shopId, step.variantIds);
    return { variants: step.variantIds.length };
  }
  if (data.polls >= SYNC_MAX_POLLS)
    throw new UnrecoverableError(`bulk sync for ${data.shopId} never completed`);
  const bulkOperationId = step.state === "started" ? step.bulkOperationId : data.bulkOperationId!;
  const polls = step.state === "started" ? 0 : data.polls + 1;
  await deps.queues.enqueue(
    syncShopJob,
    { shopId: data.shopId, bulkOperationId, polls },
    {
      jobId: `sync-shop-${data.shopId}-${bulkOperationId.replace(/\D/g, "")}-${polls}`,
      delay: syncPollDelayMs(polls),
    },
  );
  return { state: step.state, polls };
}

/** Scheduled fan-out: one reconcile job per installed shop, spread over the next few minutes. */
export async function reconcileAllShops(deps: AppDeps) {
  const shops = await deps.db.shop.findMany({ where: { uninstalledAt: null }, select: { id: true } });
  const bucket = Math.floor(Date.now() / 60_000);
  await deps.queues.enqueueBulk(
    reconcileShopJob,
    shops.map((shop, i) => ({
      payload: { shopId: shop.id },
      jobId: `reconcile-shop-${shop.id}-${bucket}`,
      delay: (i % 300) * 1_000,
    })),
  );
  return { shops: shops.length };
}
