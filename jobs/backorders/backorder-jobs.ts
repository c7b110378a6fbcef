import type { JobHandler } from "../job-handlers-type.ts";
import type { TopicHandler } from "../../web/server/webhooks/topic-handler-type.ts";
import { notifyOrderJob } from "../../web/server/queues/definitions/notify-order.ts";
import { pushOrderSummariesJob } from "../../web/server/queues/definitions/push-order-summaries.ts";
import { recomputeVariantJob } from "../../web/server/queues/definitions/recompute-variant.ts";
import {
  RECONCILE_EVERY_MS,
  reconcileBackordersJob,
  reconcileShopJob,
} from "../../web/server/queues/definitions/reconcile-backorders.ts";
import { refreshVariantJob } from "../../web/server/queues/definitions/refresh-variant.ts";
import { syncOrderTagJob } from "../../web/server/queues/definitions/sync-order-tag.ts";
import { syncShopJob } from "../../web/server/queues/definitions/sync-shop.ts";
import {
  SWEEP_ORDER_EMAILS_EVERY_MS,
  sweepOrderEmailsJob,
} from "../../web/server/queues/definitions/sweep-order-emails.ts";
import { pushOrderSummaries } from "../../web/server/backorders/push-order-summaries.ts";
import { reenqueueMarkedOrders } from "../../web/server/backorders/reenqueue-marked-orders.ts";
import { recomputeVariant } from "../../web/server/backorders/recompute-variant.ts";
import { syncOrderTag } from "../../web/server/backorders/sync-order-tag.ts";
import { refreshVariant } from "../../web/server/inventory/refresh-variant.ts";
import { reconcileShopVariants } from "../../web/server/inventory/reconcile-shop-variants.ts";
import { syncShopDetails } from "../../web/server/shops/sync-shop-details.ts";
import { enqueueRecompute } from "../../web/server/queues/enqueue-variant-work.ts";
import { handleBulkOperationFinish } from "../../web/server/inventory/handle-bulk-operation-finish.ts";
import { handleInventoryLevelUpdate } from "../../web/server/inventory/handle-inventory-level-update.ts";
import { handleOrderWebhook } from "../../web/server/backorders/handle-order-webhook.ts";
import {
  handleProductDelete,
  handleProductUpdate,
} from "../../web/server/inventory/handle-product-webhooks.ts";
import { runNotifyOrder } from "./run-notify-order.ts";
import { reconcileAllShops, runSyncShopStep } from "./run-sync-jobs.ts";
import { shopAdminClient } from "../../web/server/shopify/admin/shop-admin-client.ts";

/** Jobs of the backorder engine (allocation, order tagging, sync, reconciliation). */
export const BACKORDER_JOB_HANDLERS: JobHandler[] = [
  {
    definition: recomputeVariantJob,
    run: async (deps, data) => {
      const { shopId, variantId } = recomputeVariantJob.schema.parse(data);
      const result = await recomputeVariant(deps, shopId, BigInt(variantId));
      return result && { transitions: result.transitions.length, available: result.available };
    },
  },
  {
    definition: notifyOrderJob,
    run: (deps, data, job) => runNotifyOrder(deps, notifyOrderJob.schema.parse(data), job),
  },
  {
    definition: syncOrderTagJob,
    run: async (deps, data) => {
      const { shopId, orderId } = syncOrderTagJob.schema.parse(data);
      return syncOrderTag({ db: deps.db, client: shopAdminClient(deps, shopId) }, shopId, BigInt(orderId));
    },
  },
  {
    definition: pushOrderSummariesJob,
    run: async (deps, data) => {
      const { shopId } = pushOrderSummariesJob.schema.parse(data);
      return {
        pushed: await pushOrderSummaries({ db: deps.db, client: shopAdminClient(deps, shopId) }, shopId),
      };
    },
  },
  {
    definition: refreshVariantJob,
    run: async (deps, data) => {
      const { shopId, variantId, inventoryItemId } = refreshVariantJob.schema.parse(data);
      const target = variantId
        ? { variantId: BigInt(variantId) }
        : { inventoryItemId: BigInt(inventoryItemId!) };
      const refreshed = await refreshVariant(
        { db: deps.db, client: shopAdminClient(deps, shopId), now: deps.now },
        shopId,
        target,
      );
      if (refreshed !== null) await enqueueRecompute(deps.queues, shopId, [refreshed]);
      return { variantId: refreshed === null ? null : String(refreshed) };
    },
  },
  { definition: syncShopJob, run: (deps, data) => runSyncShopStep(deps, syncShopJob.schema.parse(data)) },
  { definition: reconcileBackordersJob, run: (deps) => reconcileAllShops(deps), every: RECONCILE_EVERY_MS },
  {
    definition: sweepOrderEmailsJob,
    run: async (deps) => {
      const enqueued = await reenqueueMarkedOrders(deps);
      // Each one is a notify-order enqueue that was lost (a crash after the transition's commit).
      if (enqueued > 0) deps.logger.warn({ enqueued }, "notify-order re-enqueued for orders left marked");
      return { enqueued };
    },
    every: SWEEP_ORDER_EMAILS_EVERY_MS,
  },
  {
    definition: reconcileShopJob,
    run: async (deps, data) => {
      const { shopId } = reconcileShopJob.schema.parse(data);
      const client = shopAdminClient(deps, shopId);
      // Name, currency, time zone and store URL change after install too (a new primary domain).
      await syncShopDetails(deps.db, await client(), shopId);
      const ids = await reconcileShopVariants({ db: deps.db, client, now: deps.now }, shopId);
      await enqueueRecompute(deps.queues, shopId, ids);
      return { variants: ids.length };
    },
  },
];

/** Webhook topics the backorder engine handles. */
export const BACKORDER_TOPIC_HANDLERS: Record<string, TopicHandler> = {
  "orders/create": handleOrderWebhook,
  "orders/updated": handleOrderWebhook,
  "orders/cancelled": handleOrderWebhook,
  "orders/fulfilled": handleOrderWebhook,
  "orders/partially_fulfilled": handleOrderWebhook,
  "inventory_levels/update": handleInventoryLevelUpdate,
  "products/update": handleProductUpdate,
  "products/delete": handleProductDelete,
  "bulk_operations/finish": handleBulkOperationFinish,
};
