import {
  RECONCILE_ORDERS_DUE_EVERY_MS,
  reconcileOrdersDueJob,
  reconcileOrdersJob,
} from "../../web/server/queues/definitions/reconcile-orders.ts";
import type { JobHandler } from "../job-handlers-type.ts";
import { shopAdminClient } from "../../web/server/shopify/admin/shop-admin-client.ts";
import { TOPIC_HANDLERS } from "../webhooks/topic-handlers.ts";
import { updateRun } from "../../web/server/reconcile/order-reconciliation-runs.ts";
import { reconcileShopOrders, type FeedOrder } from "../../web/server/reconcile/reconcile-shop-orders.ts";
import { startDueReconciliations } from "../../web/server/reconcile/start-order-reconciliation.ts";
import type { AppDeps } from "../../web/server/app-deps.ts";

/** Jobs of order reconciliation (docs/order-reconciliation.md). */
export const RECONCILE_JOB_HANDLERS: JobHandler[] = [
  {
    definition: reconcileOrdersDueJob,
    run: async (deps) => ({ started: await startDueReconciliations(deps, deps.now()) }),
    every: RECONCILE_ORDERS_DUE_EVERY_MS,
  },
  {
    definition: reconcileOrdersJob,
    run: async (deps, data) => {
      const { shopId, runId } = reconcileOrdersJob.schema.parse(data);
      const shop = await deps.db.shop.findUnique({ where: { id: shopId } });
      if (!shop || shop.uninstalledAt) {
        await updateRun(deps.db, shopId, runId, { status: "FAILED", lastError: "shop not installed" });
        return { skipped: "shop not installed" };
      }
      return reconcileShopOrders(
        {
          db: deps.db,
          client: shopAdminClient(deps, shopId),
          now: deps.now,
          feed: feedAsWebhook(deps, shop),
        },
        shopId,
        runId,
      );
    },
    onFinalFailure: async (deps, data, error) => {
      const { shopId, runId } = reconcileOrdersJob.schema.parse(data);
      await updateRun(deps.db, shopId, runId, { status: "FAILED", lastError: error.message.slice(0, 1000) });
    },
  },
];

/** The payload goes to the very handlers of its topic that a delivery would reach. */
function feedAsWebhook(
  deps: AppDeps,
  shop: { id: string; domain: string; uninstalledAt: Date | null; installedAt: Date },
): FeedOrder {
  return async (topic, payload) => {
    const handler = TOPIC_HANDLERS[topic];
    if (!handler) throw new Error(`no handler for ${topic}`);
    await handler({ deps, shop, event: null }, payload);
    // Each one is a delivery Shopify never made (or has not made yet): seen, not silent.
    deps.logger.info({ shop: shop.domain, topic, orderId: payload.id }, "order recovered by reconciliation");
  };
}
