import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../../test/helpers/start-test-app.ts";
import type { WebhookHeaders } from "./read-webhook-headers.ts";
import { recordWebhook, webhookEventKey } from "./record-webhook.ts";

const SHOP = "record-webhook.myshopify.com";

const headersOf = (eventKey: string, triggeredAt: Date | null): WebhookHeaders => ({
  topic: "orders/create",
  shopDomain: SHOP,
  webhookId: `wh-${eventKey}`,
  eventKey,
  apiVersion: "2026-07",
  triggeredAt,
});

describe("recordWebhook", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app?.close());

  it("keys by event id and body digest, the same whichever client records it", () => {
    const a = webhookEventKey(headersOf("evt-1", null), '{"id":1}');
    expect(a.eventKey).toMatch(/^evt-1#[\w-]{22}$/);
    expect(webhookEventKey(headersOf("evt-1", null), '{"id":1}')).toEqual(a);
    expect(webhookEventKey(headersOf("evt-1", null), '{"id":2}').eventKey).not.toBe(a.eventKey);
  });

  it("inserts once through the pool, finds the same row as a duplicate through Prisma, with UTC times", async () => {
    const triggeredAt = new Date("2026-11-21T23:59:58.123Z");
    const receivedAt = new Date("2026-11-22T00:00:01.456Z");
    const body = '{"id":820982911946154508}';
    const first = await recordWebhook(app.deps.sql, headersOf("evt-2", triggeredAt), body, receivedAt);
    expect(first).toMatchObject({ duplicate: false, processed: false });
    const again = await recordWebhook(app.deps.db, headersOf("evt-2", triggeredAt), body);
    expect(again).toEqual({ id: first.id, duplicate: true, processed: false });
    const row = await app.deps.db.webhookEvent.findUniqueOrThrow({ where: { id: first.id } });
    expect(row).toMatchObject({
      shopDomain: SHOP,
      topic: "orders/create",
      webhookId: "wh-evt-2",
      apiVersion: "2026-07",
      body,
      status: "RECEIVED",
      triggeredAt,
      receivedAt,
    });
  });

  it("reports a duplicate of a processed delivery as processed", async () => {
    const body = '{"id":3}';
    const { id } = await recordWebhook(app.deps.sql, headersOf("evt-3", null), body);
    await app.deps.db.webhookEvent.update({ where: { id }, data: { status: "PROCESSED" } });
    expect(await recordWebhook(app.deps.sql, headersOf("evt-3", null), body)).toEqual({
      id,
      duplicate: true,
      processed: true,
    });
    expect((await app.deps.db.webhookEvent.findUniqueOrThrow({ where: { id } })).triggeredAt).toBeNull();
  });
});
