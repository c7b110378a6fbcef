import type { Queues } from "../queues/create-queues.ts";
import { notifyOrderJob } from "../queues/definitions/notify-order.ts";
import { pushOrderSummariesJob } from "../queues/definitions/push-order-summaries.ts";
import { syncOrderTagJob } from "../queues/definitions/sync-order-tag.ts";
import {
  enqueueCoalesced,
  NOTIFY_SETTLE_MS,
  NOTIFY_WINDOW_MS,
  SUMMARY_WINDOW_MS,
  TAG_WINDOW_MS,
} from "../queues/enqueue-coalesced.ts";
import type { Transition } from "./plan-backorder-transitions.ts";

/** Side effects owed by transitions: tag and summary on Shopify, and the customer emails. */
export async function enqueueOrderFollowUps(
  queues: Queues,
  shopId: string,
  transitions: readonly Transition[],
) {
  if (transitions.length === 0) return;
  const orders = new Set(transitions.map((t) => t.orderId));
  const emailOrders = new Set(transitions.filter((t) => t.email !== null).map((t) => t.orderId));
  for (const orderId of orders) {
    const payload = { shopId, orderId: String(orderId) };
    await enqueueCoalesced(queues, syncOrderTagJob, payload, `${shopId}-${orderId}`, TAG_WINDOW_MS);
    if (emailOrders.has(orderId)) {
      await enqueueCoalesced(queues, notifyOrderJob, payload, `${shopId}-${orderId}`, NOTIFY_WINDOW_MS, {
        settleMs: NOTIFY_SETTLE_MS,
      });
    }
  }
  await enqueueCoalesced(queues, pushOrderSummariesJob, { shopId }, shopId, SUMMARY_WINDOW_MS);
}
