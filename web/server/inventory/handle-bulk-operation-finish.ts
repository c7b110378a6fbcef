import { z } from "zod";
import { finishShopSync } from "./run-shop-sync.ts";
import type { TopicHandler } from "../webhooks/topic-handler-type.ts";
import { enqueueRecompute } from "../queues/enqueue-variant-work.ts";
import { shopAdminClient } from "../shopify/admin/shop-admin-client.ts";

/** bulk_operations/finish (Shopify's payload: the operation's GID, status, error code, times, type). */
const payloadSchema = z.object({
  admin_graphql_api_id: z.string().startsWith("gid://shopify/BulkOperation/"),
  status: z.string(),
  error_code: z.string().nullish(),
  type: z.string(),
  created_at: z.string().nullish(),
  completed_at: z.string().nullish(),
});

/**
 * Finishes the initial sync when its bulk query finished (completed, failed or canceled): the
 * status is read again from the Admin API with the result's URL, as for the fallback poll. An
 * operation that is not the shop's running sync, or a sync the poll already finished, changes
 * nothing (finishShopSync). A failed operation marks the sync FAILED, which the admin shows.
 */
export const handleBulkOperationFinish: TopicHandler = async ({ deps, shop }, payload) => {
  const finished = payloadSchema.parse(payload);
  if (finished.type !== "query") return;
  const step = await finishShopSync(
    { db: deps.db, client: shopAdminClient(deps, shop.id), now: deps.now },
    shop.id,
    finished.admin_graphql_api_id,
  );
  if (step.state === "failed")
    deps.logger.warn({ shop: shop.domain, reason: step.reason }, "initial sync failed");
  if (step.state === "done") await enqueueRecompute(deps.queues, shop.id, step.variantIds);
};
