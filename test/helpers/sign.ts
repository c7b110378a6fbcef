import crypto from "node:crypto";

export function signWebhookBody(body: string | Buffer, secret: string): string {
  return crypto.createHmac("sha256", secret).update(body).digest("base64");
}

export function webhookHeaders(opts: {
  topic: string;
  shop: string;
  body: string;
  secret: string;
  webhookId?: string;
  eventId?: string;
}): Record<string, string> {
  return {
    "Content-Type": "application/json",
    "X-Shopify-Topic": opts.topic,
    "X-Shopify-Hmac-Sha256": signWebhookBody(opts.body, opts.secret),
    "X-Shopify-Shop-Domain": opts.shop,
    "X-Shopify-API-Version": "2026-07",
    "X-Shopify-Webhook-Id": opts.webhookId ?? crypto.randomUUID(),
    "X-Shopify-Event-Id": opts.eventId ?? crypto.randomUUID(),
    "X-Shopify-Triggered-At": new Date().toISOString(),
  };
}
