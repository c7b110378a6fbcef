import type { Queues } from "../queues/create-queues.ts";
import { ensureMetafieldDefinitionsJob } from "../queues/definitions/ensure-metafield-definitions.ts";
import { syncShopJob } from "../queues/definitions/sync-shop.ts";
import type { Db } from "../db/create-prisma.ts";

/**
 * Starts a shop's initial variant and inventory sync (a bulk operation run by the sync-shop job)
 * for one install. The job id is derived from the install time, so calling it again while the
 * shop is still PENDING (the first enqueue failed, or a concurrent request) starts nothing twice.
 * The same install checks the app's metafield definitions (created when missing).
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
  await deps.queues.enqueue(
    ensureMetafieldDefinitionsJob,
    { shopId: shop.id },
    { jobId: `metafield-definitions-${shop.id}-${shop.installedAt.getTime()}` },
  );
}
