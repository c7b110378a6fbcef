import type { Queues } from "./create-queues.ts";
import { recomputeVariantJob } from "./definitions/recompute-variant.ts";
import { refreshVariantJob } from "./definitions/refresh-variant.ts";
import { enqueueCoalesced, RECOMPUTE_WINDOW_MS } from "./enqueue-coalesced.ts";

export async function enqueueRecompute(
  queues: Queues,
  shopId: string,
  variantIds: Iterable<bigint>,
): Promise<void> {
  for (const variantId of new Set(variantIds)) {
    await enqueueCoalesced(
      queues,
      recomputeVariantJob,
      { shopId, variantId: String(variantId) },
      `${shopId}-${variantId}`,
      RECOMPUTE_WINDOW_MS,
    );
  }
}

/** Admin API re-reads coalesce over two seconds: a burst of events for one item needs one read. */
export async function enqueueRefresh(
  queues: Queues,
  shopId: string,
  target: { variantId: bigint } | { inventoryItemId: bigint },
): Promise<void> {
  const payload =
    "variantId" in target
      ? { shopId, variantId: String(target.variantId) }
      : { shopId, inventoryItemId: String(target.inventoryItemId) };
  const key = "variantId" in target ? `v${target.variantId}` : `i${target.inventoryItemId}`;
  await enqueueCoalesced(queues, refreshVariantJob, payload, `${shopId}-${key}`, 2_000);
}
