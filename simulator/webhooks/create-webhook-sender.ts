import { randomUUID } from "node:crypto";
import { API_VERSION } from "../constants.ts";
import { signWebhook } from "../sign-webhook.ts";
import { SimError } from "../store/sim-error.ts";
import type {
  DeliveryAttempt,
  DropRule,
  FlushOptions,
  PendingDelivery,
  WebhookRetryOptions,
} from "./webhook-types.ts";
import { shuffleInPlace } from "./shuffle.ts";

export interface WebhookSenderDeps {
  apiSecret: string;
  retry: WebhookRetryOptions;
  timeoutMs: number;
  getAppUrl: () => string | undefined;
}

export type WebhookSender = ReturnType<typeof createWebhookSender>;

export function createWebhookSender(deps: WebhookSenderDeps) {
  const attempts: DeliveryAttempt[] = [];
  const sent = new Map<string, PendingDelivery>();
  const queue: PendingDelivery[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const dropRules: DropRule[] = [];
  const dropped: PendingDelivery[] = [];
  let paused = false;
  let inFlight = 0;
  let waiters: Array<() => void> = [];
  let closed = false;

  function settle(): void {
    inFlight -= 1;
    if (inFlight === 0) {
      const done = waiters;
      waiters = [];
      for (const resolve of done) resolve();
    }
  }

  function headersFor(delivery: PendingDelivery): Record<string, string> {
    return {
      "Content-Type": "application/json",
      "X-Shopify-Topic": delivery.topic,
      "X-Shopify-Hmac-Sha256": signWebhook(delivery.body, deps.apiSecret),
      "X-Shopify-Shop-Domain": delivery.shop,
      "X-Shopify-API-Version": API_VERSION,
      "X-Shopify-Webhook-Id": delivery.webhookId,
      "X-Shopify-Event-Id": delivery.eventId,
      "X-Shopify-Triggered-At": delivery.triggeredAt,
    };
  }

  async function attempt(delivery: PendingDelivery, n: number, duplicate: boolean): Promise<boolean> {
    const url = `${deps.getAppUrl()}/webhooks`;
    const headers = headersFor(delivery);
    const startedAt = new Date();
    const started = performance.now();
    let status: number | null = null;
    let error: string | null = null;
    try {
      const res = await fetch(url, {
        method: "POST",
        headers,
        body: delivery.body,
        redirect: "manual",
        signal: AbortSignal.timeout(deps.timeoutMs),
      });
      status = res.status;
      await res.arrayBuffer();
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
    }
    const durationMs = Math.round(performance.now() - started);
    attempts.push({ ...delivery, attempt: n, url, headers, status, error, durationMs, startedAt, duplicate });
    // Shopify treats anything outside 2xx, redirects included, as a failure.
    return status !== null && status >= 200 && status < 300;
  }

  /** Resolves once this attempt has finished; a retry, if needed, is scheduled on its own. */
  function run(delivery: PendingDelivery, n: number, duplicate: boolean): Promise<void> {
    inFlight += 1;
    return attempt(delivery, n, duplicate).then((ok) => {
      if (!ok && !duplicate && n <= deps.retry.attempts && !closed) {
        inFlight += 1;
        const timer = setTimeout(
          () => {
            timers.delete(timer);
            void run(delivery, n + 1, false);
            settle();
          },
          deps.retry.baseDelayMs * 2 ** (n - 1),
        );
        timers.add(timer);
      }
      settle();
    });
  }

  /** True when a drop rule takes the delivery (a counted rule is used up by it). */
  function drops(delivery: PendingDelivery): boolean {
    const index = dropRules.findIndex(
      (rule) =>
        (rule.topic === undefined || rule.topic === delivery.topic) &&
        (rule.shop === undefined || rule.shop === delivery.shop) &&
        (rule.orderId === undefined || rule.orderId === delivery.orderId),
    );
    if (index < 0) return false;
    const rule = dropRules[index]!;
    if (rule.count !== undefined) {
      rule.count -= 1;
      if (rule.count <= 0) dropRules.splice(index, 1);
    }
    return true;
  }

  function dispatch(delivery: PendingDelivery): void {
    sent.set(delivery.webhookId, delivery);
    if (drops(delivery)) {
      dropped.push(delivery);
      return;
    }
    if (paused || !deps.getAppUrl()) queue.push(delivery);
    else void run(delivery, 1, false);
  }

  /** Sends held deliveries now, optionally reordered and with duplicates (same webhook id). */
  function flush(options: FlushOptions = {}): void {
    if (!deps.getAppUrl()) return;
    const batch = queue.splice(0, queue.length);
    const rng = options.rng ?? Math.random;
    const plan: Array<{ delivery: PendingDelivery; duplicate: boolean }> = [];
    for (const delivery of batch) {
      plan.push({ delivery, duplicate: false });
      if (options.duplicateRate && rng() < options.duplicateRate) plan.push({ delivery, duplicate: true });
    }
    if (options.shuffle) shuffleInPlace(plan, rng);
    // One at a time, so the app sees exactly this order.
    inFlight += 1;
    void (async () => {
      for (const { delivery, duplicate } of plan) await run(delivery, 1, duplicate);
      settle();
    })();
  }

  return {
    attempts,
    /** Queues one delivery per topic, all sharing one event id (one merchant action). */
    emit(
      shop: string,
      events: Array<{ topic: string; body: string; orderId?: string }>,
      triggeredAt: Date,
    ): PendingDelivery[] {
      const eventId = randomUUID();
      const created = events.map(({ topic, body, orderId }) => ({
        ...(orderId === undefined ? {} : { orderId }),
        webhookId: randomUUID(),
        eventId,
        topic,
        shop,
        body,
        // Shopify prints microseconds: 2025-07-10T16:15:47.000000Z
        triggeredAt: triggeredAt.toISOString().replace(/Z$/, "000Z"),
      }));
      for (const delivery of created) dispatch(delivery);
      return created;
    },
    pause(): void {
      paused = true;
    },
    resume(): void {
      paused = false;
      flush();
    },
    flush,
    /** Sends a past delivery again with the same webhook id, event id and body. */
    redeliver(webhookId: string): void {
      const delivery = sent.get(webhookId);
      if (!delivery) throw new Error(`unknown webhook id ${webhookId}`);
      void run(delivery, 1, true);
    },
    queued(): PendingDelivery[] {
      return [...queue];
    },
    /** Drops the deliveries a rule matches from now on (see DropRule). */
    drop(rule: DropRule): void {
      if (rule.count !== undefined && (!Number.isInteger(rule.count) || rule.count < 1))
        throw new SimError("count must be a positive integer");
      dropRules.push({ ...rule });
    },
    clearDropRules(): void {
      dropRules.splice(0, dropRules.length);
    },
    dropRules(): DropRule[] {
      return dropRules.map((rule) => ({ ...rule }));
    },
    dropped(): PendingDelivery[] {
      return [...dropped];
    },
    /** Sends a dropped delivery after all, as a first attempt with its original body and ids. */
    deliverLate(webhookId: string): void {
      const index = dropped.findIndex((d) => d.webhookId === webhookId);
      if (index < 0) throw new SimError(`no dropped delivery ${webhookId}`, 404);
      const [delivery] = dropped.splice(index, 1);
      if (paused || !deps.getAppUrl()) queue.push(delivery!);
      else void run(delivery!, 1, false);
    },
    isPaused(): boolean {
      return paused;
    },
    waitForDeliveries(): Promise<void> {
      if (inFlight === 0) return Promise.resolve();
      return new Promise((resolve) => waiters.push(resolve));
    },
    close(): void {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      inFlight = 0;
      for (const resolve of waiters.splice(0)) resolve();
    },
  };
}
