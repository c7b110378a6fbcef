import { syncOrderTagJob } from "../queues/definitions/sync-order-tag.ts";
import { enqueueCoalesced, TAG_WINDOW_MS } from "../queues/enqueue-coalesced.ts";
import { parseOrderPayload } from "./parse-order-payload.ts";
import { storeOrderSnapshot } from "./store-order-snapshot.ts";
import { orderShouldBeTagged, shopOrderTag } from "./sync-order-tag.ts";
import type { TopicHandler } from "../webhooks/topic-handler-type.ts";
import { enqueueRecompute, enqueueRefresh } from "../queues/enqueue-variant-work.ts";

/**
 * orders/create, orders/updated, orders/cancelled, orders/fulfilled, orders/partially_fulfilled:
 * store the order (stale payloads change nothing), then recompute every variant whose lines changed.
 */
export const handleOrderWebhook: TopicHandler = async (ctx, payload) => {
  const { deps, shop } = ctx;
  const snapshot = parseOrderPayload(payload);
  const stored = await storeOrderSnapshot(deps.db, shop.id, snapshot);
  if (stored.outcome === "stale") return;
  for (const variantId of stored.unknownVariantIds) await enqueueRefresh(deps.queues, shop.id, { variantId });
  await enqueueRecompute(deps.queues, shop.id, stored.changedVariantIds);
  await checkTag(ctx, snapshot.orderId, snapshot.tags);
};

/**
 * Shopify's view of the tags just arrived: if it disagrees with what the backorder rows call for
 * (a lost write, a merchant edit, a stale view that made an earlier sync skip its call), fix it.
 */
async function checkTag(ctx: Parameters<TopicHandler>[0], orderId: bigint, tags: string[]): Promise<void> {
  const { deps, shop } = ctx;
  const hasRows = await deps.db.backorderLine.count({ where: { shopId: shop.id, orderId } });
  if (hasRows === 0) return;
  const tag = await shopOrderTag(deps.db, shop.id);
  if ((await orderShouldBeTagged(deps.db, shop.id, orderId)) === tags.includes(tag)) return;
  await enqueueCoalesced(
    deps.queues,
    syncOrderTagJob,
    { shopId: shop.id, orderId: String(orderId) },
    `${shop.id}-${orderId}`,
    TAG_WINDOW_MS,
  );
}
