import { signWebhook } from "../../../simulator/sign-webhook.ts";
import type { PendingDelivery } from "../../../simulator/webhooks/webhook-types.ts";

export type PlannedDelivery = { delivery: PendingDelivery; duplicate: boolean };

/** What the app answered, over every attempt. */
export type DeliveryLog = {
  attempts: number;
  /** Webhook ids the app acknowledged (2xx) at least once. */
  acknowledged: Set<string>;
  /** Answers >= 500, and attempts that got no answer at all. */
  fiveXx: number;
  noAnswer: number;
  statuses: Map<number, number>;
};

export function newDeliveryLog(): DeliveryLog {
  return { attempts: 0, acknowledged: new Set(), fiveXx: 0, noAnswer: 0, statuses: new Map() };
}

/**
 * Groups deliveries into windows of `windowMs` by their X-Shopify-Triggered-At, shuffles each
 * window, and sends `duplicateRate` of them a second time somewhere in the same window.
 * windowMs 0 and rate 0: the order they were made in, once each.
 */
export function planDeliveries(
  deliveries: readonly PendingDelivery[],
  opts: { windowMs: number; duplicateRate: number; rng: () => number },
): PlannedDelivery[] {
  const windows = new Map<number, PlannedDelivery[]>();
  for (const delivery of deliveries) {
    const key = opts.windowMs > 0 ? Math.floor(Date.parse(delivery.triggeredAt) / opts.windowMs) : 0;
    const window = windows.get(key) ?? [];
    windows.set(key, window);
    window.push({ delivery, duplicate: false });
    if (opts.duplicateRate > 0 && opts.rng() < opts.duplicateRate) window.push({ delivery, duplicate: true });
  }
  const plan: PlannedDelivery[] = [];
  for (const key of [...windows.keys()].sort((a, b) => a - b)) {
    const window = windows.get(key)!;
    if (opts.windowMs > 0) shuffle(window, opts.rng);
    plan.push(...window);
  }
  return plan;
}

/**
 * POSTs signed webhooks the way Shopify does, `concurrency` at a time in plan order. A delivery the
 * app does not acknowledge (non-2xx, or no answer) is retried with backoff until `retryForMs`.
 */
export async function deliverWebhooks(
  appUrl: string,
  apiSecret: string,
  plan: readonly PlannedDelivery[],
  opts: { concurrency: number; retryForMs?: number; log: DeliveryLog; ratePerSecond?: number },
): Promise<void> {
  let next = 0;
  const gapMs = opts.ratePerSecond ? (opts.concurrency * 1000) / opts.ratePerSecond : 0;
  const lane = async () => {
    while (next < plan.length) {
      const item = plan[next]!;
      next += 1;
      if (gapMs > 0) await new Promise((r) => setTimeout(r, gapMs));
      await deliverOne(appUrl, apiSecret, item.delivery, opts.retryForMs ?? 0, opts.log);
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, lane));
}

async function deliverOne(
  appUrl: string,
  apiSecret: string,
  delivery: PendingDelivery,
  retryForMs: number,
  log: DeliveryLog,
): Promise<void> {
  const deadline = Date.now() + retryForMs;
  for (let attempt = 0; ; attempt += 1) {
    log.attempts += 1;
    let status: number | null = null;
    try {
      const res = await fetch(`${appUrl}/webhooks`, webhookRequest(delivery, apiSecret));
      status = res.status;
      await res.arrayBuffer();
    } catch {
      log.noAnswer += 1;
    }
    if (status !== null) log.statuses.set(status, (log.statuses.get(status) ?? 0) + 1);
    if (status !== null && status >= 500) log.fiveXx += 1;
    if (status !== null && status >= 200 && status < 300) {
      log.acknowledged.add(delivery.webhookId);
      return;
    }
    if (Date.now() > deadline) return;
    await new Promise((r) => setTimeout(r, Math.min(2_000, 100 * 2 ** attempt)));
  }
}

/** One delivery as Shopify POSTs it: signed, with its headers, within Shopify's 5 s budget. */
export function webhookRequest(delivery: PendingDelivery, apiSecret: string): RequestInit {
  return {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      "X-Shopify-Topic": delivery.topic,
      "X-Shopify-Hmac-Sha256": signWebhook(delivery.body, apiSecret),
      "X-Shopify-Shop-Domain": delivery.shop,
      "X-Shopify-API-Version": "2026-07",
      "X-Shopify-Webhook-Id": delivery.webhookId,
      "X-Shopify-Event-Id": delivery.eventId,
      "X-Shopify-Triggered-At": delivery.triggeredAt,
    },
    body: delivery.body,
    signal: AbortSignal.timeout(5_000),
  };
}

function shuffle<T>(items: T[], rng: () => number): void {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rng() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}

/** mulberry32: a seeded rng, so a failing order can be replayed from the printed seed. */
export function seededRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Deliveries the simulator has made since the last call (it holds them while paused). */
export function takeNewDeliveries(sim: { webhooks: { queued(): PendingDelivery[] } }, seen: Set<string>) {
  const fresh = sim.webhooks.queued().filter((d) => !seen.has(d.webhookId));
  for (const d of fresh) seen.add(d.webhookId);
  return fresh;
}
