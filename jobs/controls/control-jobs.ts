import { applySellingPolicyJob } from "../../web/server/queues/definitions/apply-selling-policy.ts";
import { createOrderDiscountJob } from "../../web/server/queues/definitions/create-order-discount.ts";
import { ensureOrderDiscount } from "../../web/server/controls/ensure-order-discount.ts";
import { markOrderDiscountFailed } from "../../web/server/controls/order-discount-state.ts";
import {
  SWEEP_SELLING_CONTROLS_EVERY_MS,
  sweepSellingControlsJob,
} from "../../web/server/queues/definitions/sweep-selling-controls.ts";
import type { JobHandler } from "../job-handlers-type.ts";
import type { TopicHandler } from "../../web/server/webhooks/topic-handler-type.ts";
import { shopAdminClient } from "../../web/server/shopify/admin/shop-admin-client.ts";
import { applySellingPolicy } from "../../web/server/controls/apply-selling-policy.ts";
import { enqueueSellingPolicy } from "../../web/server/controls/enqueue-selling-policy.ts";
import { releaseOverriddenClaims } from "../../web/server/controls/release-overridden-claims.ts";
import { sweepSellingControls } from "../../web/server/controls/sweep-selling-controls.ts";
import { enqueueEtaMetafieldSync } from "../../web/server/etas/enqueue-eta-jobs.ts";

/** Jobs of the merchant controls (backorder cap and selling window switches, discount codes). */
export const CONTROL_JOB_HANDLERS: JobHandler[] = [
  {
    definition: applySellingPolicyJob,
    run: async (deps, data) => {
      const { shopId, variantId } = applySellingPolicyJob.schema.parse(data);
      const result = await applySellingPolicy(
        { db: deps.db, client: shopAdminClient(deps, shopId), now: deps.now },
        shopId,
        BigInt(variantId),
      );
      // The policy is an ETA input: the app proxy's caches and the `backordered` metafield follow it.
      if (result && result.action !== "none") await enqueueEtaMetafieldSync(deps, shopId);
      return result;
    },
  },
  {
    // Before the order's emails that show the code (they wait for it, send-notification-batch.ts).
    definition: createOrderDiscountJob,
    run: async (deps, data) => {
      const { shopId, orderId } = createOrderDiscountJob.schema.parse(data);
      const row = await ensureOrderDiscount(
        {
          db: deps.db,
          secret: deps.config.apiSecrets[0]!,
          client: shopAdminClient(deps, shopId),
          now: deps.now,
        },
        shopId,
        BigInt(orderId),
      );
      return { status: row?.status ?? "off" };
    },
    // Retries used up: the waiting emails go without a code rather than not at all.
    onFinalFailure: async (deps, data) => {
      const { shopId, orderId } = createOrderDiscountJob.schema.parse(data);
      await markOrderDiscountFailed(deps.db, shopId, BigInt(orderId));
    },
  },
  {
    definition: sweepSellingControlsJob,
    run: async (deps) => ({ checked: await sweepSellingControls(deps, SWEEP_SELLING_CONTROLS_EVERY_MS) }),
    every: SWEEP_SELLING_CONTROLS_EVERY_MS,
  },
];

/**
 * products/update: the merchant re-enabling a variant the app stopped releases the app's claim
 * (runs beside the backorder engine's handler of the same topic).
 */
export const CONTROL_TOPIC_HANDLERS: Record<string, TopicHandler> = {
  "products/update": async ({ deps, shop }, payload) => {
    const released = await releaseOverriddenClaims(deps.db, shop.id, payload);
    if (released.length > 0) await enqueueSellingPolicy(deps.queues, shop.id, released);
  },
};
