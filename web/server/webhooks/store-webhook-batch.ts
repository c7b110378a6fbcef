import { processWebhookJob, webhookJobId } from "../queues/definitions/process-webhook.ts";
import type { AppDeps } from "../app-deps.ts";
import { recordWebhooks, type Delivery, type RecordResult } from "./record-webhook.ts";

const ENQUEUE_TIMEOUT_MS = 1_500;

/**
 * Records a batch of deliveries (one INSERT, one commit), then enqueues the jobs of those not yet
 * processed in one addBulk. The rows are the durable part: when the queue is away or slow the
 * batch is still answered 200 and the sweeper enqueues the rows later. Bounded, so a queue backend
 * that hangs cannot hold Shopify past its 5 s budget.
 */
export async function storeWebhookBatch(
  deps: Pick<AppDeps, "sql" | "queues" | "logger">,
  batch: Delivery[],
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
    const enqueued = deps.queues.enqueueBulk(
      processWebhookJob,
      ids.map((id) => ({ payload: { webhookEventId: String(id) }, jobId: webhookJobId(id) })),
    );
    await withTimeout(enqueued, ENQUEUE_TIMEOUT_MS).catch((error: unknown) =>
      deps.logger.warn({ err: error, count: ids.length }, "enqueue failed; the sweeper will retry"),
    );
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
