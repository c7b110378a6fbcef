import type { Delivery, RecordResult } from "./record-webhook.ts";

export type WebhookBatcherOptions = {
  /** Deliveries per batch at most (one multi-row INSERT). */
  maxBatch?: number;
  /** Body characters per batch at most: a few large bodies make a batch of their own. */
  maxBatchBytes?: number;
  /** Batches being stored at once; while all are busy, new deliveries gather for the next one. */
  maxInFlight?: number;
};

/** What a batch is made of: anything with a body, whose size bounds the batch. */
type Batchable = { body: string };

type Waiter<D, R> = { delivery: D; resolve: (r: R) => void; reject: (e: unknown) => void };

/**
 * Group commit for webhook deliveries. A delivery joins the batch being gathered; the batch is
 * stored on the next turn of the event loop (so what arrived together goes together), or, while
 * `maxInFlight` batches are being stored, as soon as one of them finishes (so under load a batch
 * holds what arrived during one commit, and at low load nobody waits for a timer). `store` records
 * a whole batch in one transaction; each delivery's promise settles only after it has: resolved
 * with its own result when the batch is stored, rejected for every member when it is not.
 * The ingress batches Deliveries; the bench's ingress floor batches its own rows the same way.
 */
export function createWebhookBatcher<D extends Batchable = Delivery, R = RecordResult>(
  store: (batch: D[]) => Promise<R[]>,
  opts: WebhookBatcherOptions = {},
) {
  const maxBatch = opts.maxBatch ?? 64;
  const maxBatchBytes = opts.maxBatchBytes ?? 4 * 1024 * 1024;
  const maxInFlight = opts.maxInFlight ?? 2;
  let pending: Waiter<D, R>[] = [];
  let inFlight = 0;
  let scheduled = false;

  const schedule = () => {
    if (scheduled || inFlight >= maxInFlight || pending.length === 0) return;
    scheduled = true;
    setImmediate(launch);
  };

  const launch = () => {
    scheduled = false;
    if (inFlight >= maxInFlight || pending.length === 0) return;
    const batch = takeBatch();
    inFlight += 1;
    // storeBatch settles every member itself and never rejects.
    void storeBatch(batch).finally(() => {
      inFlight -= 1;
      schedule();
    });
    schedule();
  };

  const takeBatch = (): Waiter<D, R>[] => {
    let bytes = 0;
    let n = 0;
    while (n < pending.length && n < maxBatch) {
      bytes += pending[n]!.delivery.body.length;
      if (n > 0 && bytes > maxBatchBytes) break;
      n += 1;
    }
    const batch = pending.slice(0, n);
    pending = pending.slice(n);
    return batch;
  };

  const storeBatch = async (batch: Waiter<D, R>[]): Promise<void> => {
    try {
      const results = await store(batch.map((w) => w.delivery));
      batch.forEach((w, i) => w.resolve(results[i]!));
    } catch (error) {
      for (const w of batch) w.reject(error);
    }
  };

  return {
    /** Settles once the delivery's batch is committed (its result) or has failed (rejects). */
    record(delivery: D): Promise<R> {
      const { promise, resolve, reject } = Promise.withResolvers<R>();
      pending.push({ delivery, resolve, reject });
      schedule();
      return promise;
    },
    /** Deliveries waiting for a batch, and batches being stored (for tests and metrics). */
    get backlog() {
      return { pending: pending.length, inFlight };
    },
  };
}

export type WebhookBatcher = ReturnType<typeof createWebhookBatcher<Delivery, RecordResult>>;
