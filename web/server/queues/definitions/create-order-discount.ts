import { z } from "zod";
import { DEFAULT_JOB_OPTIONS, defineJob } from "./define-job.ts";

/**
 * Creates an order's thank-you discount code on Shopify (discountCodeBasicCreate) and stores it on
 * the order's OrderDiscount row. Its own job on the Admin API queue: the email that shows the code
 * waits for it (send-notification-batch.ts) instead of calling Shopify while it sends, so a
 * throttled or failing Admin API never uses up an email retry.
 */
export const createOrderDiscountJob = defineJob({
  name: "create-order-discount",
  queue: "shopify",
  schema: z.object({ shopId: z.string().min(1), orderId: z.string().regex(/^\d+$/) }),
  // Gone once done: an email that still finds no code (the feature turned on again) can ask again.
  options: { ...DEFAULT_JOB_OPTIONS, removeOnComplete: true },
});

/** One job per order at a time: every email of the order that waits for the code asks for the same. */
export function orderDiscountJobId(shopId: string, orderId: bigint): string {
  return `discount-${shopId}-${orderId}`;
}
