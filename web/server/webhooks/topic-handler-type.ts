import type { AppDeps } from "../app-deps.ts";

export type WebhookContext = {
  deps: AppDeps;
  shop: { id: string; domain: string; uninstalledAt: Date | null; installedAt: Date };
  /**
   * The recorded delivery; null when the payload did not arrive as a webhook but was read back
   * from the Admin API by order reconciliation (docs/order-reconciliation.md).
   */
  event: { id: bigint; topic: string; triggeredAt: Date | null; receivedAt: Date } | null;
};

/** Handlers are idempotent: a crash after the handler and before the event is marked re-runs it. */
export type TopicHandler = (ctx: WebhookContext, payload: unknown) => Promise<void>;
