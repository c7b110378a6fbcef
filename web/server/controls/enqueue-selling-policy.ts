import type { Queues } from "../queues/create-queues.ts";
import { applySellingPolicyJob } from "../queues/definitions/apply-selling-policy.ts";
import { enqueueCoalesced } from "../queues/enqueue-coalesced.ts";

/** Policy checks coalesce per variant: a burst of orders needs one decision after it. */
export const SELLING_POLICY_WINDOW_MS = 500;

export async function enqueueSellingPolicy(
  queues: Queues,
  shopId: string,
  variantIds: Iterable<bigint>,
  pinned?: { at: Date; now: Date },
): Promise<void> {
  for (const variantId of new Set(variantIds)) {
    const payload = { shopId, variantId: String(variantId) };
    if (pinned) {
      // A check pinned to a window edge: its own id, so a coalesced check cannot swallow it.
      const delay = Math.max(0, pinned.at.getTime() - pinned.now.getTime());
      await queues.enqueue(applySellingPolicyJob, payload, {
        jobId: `${applySellingPolicyJob.name}-${shopId}-${variantId}-at${pinned.at.getTime()}`,
        delay,
      });
      continue;
    }
    await enqueueCoalesced(
      queues,
      applySellingPolicyJob,
      payload,
      `${shopId}-${variantId}`,
      SELLING_POLICY_WINDOW_MS,
    );
  }
}
