import type { Queues } from "../../../jobs/create-queues.ts";
import { syncShopJob } from "../../../jobs/definitions/sync-shop.ts";
import type { Db } from "../db/create-prisma.ts";

/**
 * Starts a shop's initial variant and inventory sync (a bulk operation run by the sync-shop job)
 * for one install. The job id is derived from the install time, so calling it again while the
 * shop is still PENDING (the first enqueue failed, or a concurrent request) starts nothing twice.
 */
export async function startInitialSync(
  deps: { db: Db; queues: Queues },
  shop: { id: string; installedAt: Date },
): Promise<void> {
  await deps.queues.enqueue(
    syncShopJob,
    { shopId: shop.id, polls: 0 },
    { jobId: `sync-shop-${shop.id}-${shop.installedAt.getTime()}` },
  );
}
