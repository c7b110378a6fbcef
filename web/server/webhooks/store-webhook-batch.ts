import { processWebhookJob, webhookJobId } from "../queues/definitions/process-webhook.ts";
import type { AppDeps } from "../app-deps.ts";
import { recordWebhooks, type Delivery, type RecordResult } from "./record-webhook.ts";

const ENQUEUE_TIMEOUT_MS = 1_500;

/**
 * Enqueues still running behind batches already answered. While fewer than `limit` run, a batch is
 * answered as soon as it is committed; past it (a slow or absent queue) the answer waits for the
 * batch's own enqueue, so enqueues cannot pile up without bound. `limit` 0: every answer waits.
 */
export type EnqueueBacklog = { running: number; limit: number };

/**
 * Records a batch of deliveries (one INSERT, one commit), then enqueues the jobs of those not yet
 * processed in one addBulk. The rows are the durable part: when the queue is away or slow the
 * batch is still answered 200 and the sweeper enqueues the rows later. Bounded, so a queue backend
 * that hangs cannot hold Shopify past its 5 s budget. The enqueue is off the answer's path while
 * `backlog` allows (docs/ingress-performance.md).
 */
export async function storeWebhookBatch(
  deps: Pick<AppDeps, "sql" | "queues" | "logger">,
  batch: Delivery[],
  backlog: EnqueueBacklog = { running: 0, limit: 0 },
): Promise<RecordResult[]> {
  let results: RecordResult[];
  try {
    results = await recordWebhooks(deps.sql, batch);
  } catch (error) {
    // Not recorded means not acknowledged: every member is answered 5xx, and Shopify retries.
    deps.logger.error(
      { err: error, count: batch.length, shops: [...new Set(batch.map((d) => d.headers.shopDomain))] },
      "webhook batch not recorded",
    );
    throw error;
  }
  const ids = [...new Set(results.filter((r) => !r.processed).map((r) => r.id))];
  if (ids.length > 0) {
    const enqueued = withTimeout(
      deps.queues.enqueueBulk(
        processWebhookJob,
        ids.map((id) => ({ payload: { webhookEventId: String(id) }, jobId: webhookJobId(id) })),
      ),
      ENQUEUE_TIMEOUT_MS,
    )
      .then(() => undefined)
      .catch((error: unknown) =>
        deps.logger.warn({ err: error, count: ids.length }, "enqueue failed; the sweeper will retry"),
      );
    backlog.running += 1;
    const done = enqueued.finally(() => (backlog.running -= 1));
    if (backlog.running > backlog.limit) await done;
  }
  return results;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
