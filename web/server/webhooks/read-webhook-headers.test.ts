import { describe, expect, it } from "vitest";
import { readWebhookHeaders } from "./read-webhook-headers.ts";

const base = {
  "x-shopify-topic": "orders/create",
  "x-shopify-shop-domain": "Read-Headers.myshopify.com",
  "x-shopify-webhook-id": "wh-1",
};

describe("readWebhookHeaders", () => {
  it.each([
    ["2026-12-06T10:00:00Z", new Date("2026-12-06T10:00:00Z")],
    ["not a date", null],
    // Dates PostgreSQL's TIMESTAMP cannot take as ISO text: one would fail its whole batch.
    ["+010000-01-01T00:00:00Z", null],
    ["-000001-01-01T00:00:00Z", null],
  ])("X-Shopify-Triggered-At %s is read as %s", (value, expected) => {
    const read = readWebhookHeaders({ ...base, "x-shopify-triggered-at": value });
    expect(read).toMatchObject({
      ok: true,
      headers: { triggeredAt: expected, shopDomain: "read-headers.myshopify.com" },
    });
  });
});
