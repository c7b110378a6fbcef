/** One webhook delivery (unique X-Shopify-Webhook-Id); it may be attempted several times. */
export interface PendingDelivery {
  webhookId: string;
  eventId: string;
  topic: string;
  shop: string;
  body: string;
  triggeredAt: string;
  /** The order an orders/* delivery is about (drop rules can target it). */
  orderId?: string;
}

/**
 * Deliveries matching every given field are dropped, as Shopify drops a webhook after its last
 * failed retry: never sent, kept aside (see `dropped`) so a test can deliver one late.
 */
export interface DropRule {
  topic?: string;
  shop?: string;
  orderId?: string;
  /** How many matching deliveries to drop; unset drops every match until the rules are cleared. */
  count?: number;
}

/** One HTTP attempt of a delivery. */
export interface DeliveryAttempt {
  webhookId: string;
  eventId: string;
  topic: string;
  shop: string;
  attempt: number;
  url: string;
  headers: Record<string, string>;
  body: string;
  /** HTTP status the app answered, or null on timeout / connection error. */
  status: number | null;
  error: string | null;
  durationMs: number;
  startedAt: Date;
  /** True when the attempt is a deliberate duplicate (redeliver / flush duplicates). */
  duplicate: boolean;
}

export interface FlushOptions {
  shuffle?: boolean;
  /** Probability (0..1) that a queued delivery is sent twice with the same webhook id. */
  duplicateRate?: number;
  rng?: () => number;
}

export interface WebhookRetryOptions {
  /** Retries after the first failed attempt (Shopify: 8). */
  attempts: number;
  /** Delay before retry n (0-based) is baseDelayMs * 2^n. */
  baseDelayMs: number;
}
