import type { z } from "zod";
import type { Queues } from "./create-queues.ts";
import type { JobDefinition } from "./definitions/define-job.ts";

/**
 * Enqueues a job that coalesces with the same key's other requests of the current time bucket and
 * runs after the bucket has ended, so it reads every change committed before any of them. A request
 * made while that job runs falls in a later bucket and gets its own run: unlike a fixed jobId, a
 * running job never swallows a newer request. The job reads its inputs from the database, so the
 * payload of the first request of a bucket serves them all.
 */
export async function enqueueCoalesced<S extends z.ZodType>(
  queues: Queues,
  def: JobDefinition<S>,
  payload: z.input<S>,
  key: string,
  windowMs: number,
  opts: { settleMs?: number; now?: number } = {},
): Promise<void> {
  const now = opts.now ?? Date.now();
  const bucket = Math.floor(now / windowMs);
  // A little past the bucket end: another process's clock may run slightly behind ours.
  const delay = (bucket + 1) * windowMs - now + Math.min(windowMs, 250) + (opts.settleMs ?? 0);
  await queues.enqueue(def, payload, { jobId: `${def.name}-${key}-${bucket}`, delay });
}

/** Recompute bursts of events for one variant (an order touches its variants and levels at once). */
export const RECOMPUTE_WINDOW_MS = 200;
/**
 * Emails wait for the state to settle: one checkout sends orders/create and inventory_levels/update
 * in any order, and an order with several variants is recomputed variant by variant. Deciding a few
 * seconds later keeps a transient state (a line backordered for an instant) from reaching a customer.
 */
export const NOTIFY_SETTLE_MS = 2_000;
export const NOTIFY_WINDOW_MS = 500;
export const TAG_WINDOW_MS = 500;
export const SUMMARY_WINDOW_MS = 1_000;
