import type { IncomingHttpHeaders } from "node:http";

export type WebhookHeaders = {
  topic: string;
  shopDomain: string;
  webhookId: string;
  /** X-Shopify-Event-Id, else X-Shopify-Webhook-Id. */
  eventKey: string;
  apiVersion: string | null;
  triggeredAt: Date | null;
};

export type ReadHeadersResult = { ok: true; headers: WebhookHeaders } | { ok: false; missing: string[] };

const SHOP_DOMAIN = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;
const TOPIC = /^[a-z_]+\/[a-z_]+$/;

// Node lower-cases incoming header names, so the case Shopify sends does not matter.
export function readWebhookHeaders(raw: IncomingHttpHeaders): ReadHeadersResult {
  const get = (name: string) => {
    const value = raw[name];
    return (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
  };
  const topic = get("x-shopify-topic");
  const shopDomain = get("x-shopify-shop-domain")?.toLowerCase();
  const webhookId = get("x-shopify-webhook-id");
  const missing = [
    !topic || !TOPIC.test(topic) ? "X-Shopify-Topic" : null,
    !shopDomain || !SHOP_DOMAIN.test(shopDomain) ? "X-Shopify-Shop-Domain" : null,
    !webhookId || webhookId.length > 200 ? "X-Shopify-Webhook-Id" : null,
  ].filter((m): m is string => m !== null);
  if (missing.length > 0 || !topic || !shopDomain || !webhookId) return { ok: false, missing };
  const eventId = get("x-shopify-event-id");
  const triggered = get("x-shopify-triggered-at");
  const triggeredAt = triggered ? new Date(triggered) : null;
  return {
    ok: true,
    headers: {
      topic,
      shopDomain,
      webhookId,
      eventKey: eventId && eventId.length <= 200 ? eventId : webhookId,
      apiVersion: get("x-shopify-api-version") ?? null,
      triggeredAt: triggeredAt && isStorableDate(triggeredAt) ? triggeredAt : null,
    },
  };
}

/**
 * A date TIMESTAMP(3) takes as ISO text: years 1 to 9999 (Date prints others as "+010000-..." or
 * "-000001-...", which PostgreSQL refuses, and one such row would fail its whole batch).
 */
function isStorableDate(date: Date): boolean {
  const year = date.getUTCFullYear();
  return !Number.isNaN(year) && year >= 1 && year <= 9999;
}
