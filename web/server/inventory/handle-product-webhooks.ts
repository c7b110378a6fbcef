import { markProductDeleted, storeProductWebhook } from "./store-product-webhook.ts";
import type { TopicHandler } from "../webhooks/topic-handler-type.ts";
import { enqueueRefresh } from "../queues/enqueue-variant-work.ts";

/** products/update: cache product and variants; new variants are read from the Admin API. */
export const handleProductUpdate: TopicHandler = async ({ deps, shop }, payload) => {
  const result = await storeProductWebhook(deps.db, shop.id, payload, deps.now());
  for (const variantId of result?.newVariantIds ?? [])
    await enqueueRefresh(deps.queues, shop.id, { variantId });
};

/** products/delete: mark deleted; open backorders of its variants stay until their orders close. */
export const handleProductDelete: TopicHandler = async ({ deps, shop }, payload) => {
  await markProductDeleted(deps.db, shop.id, payload, deps.now());
};
