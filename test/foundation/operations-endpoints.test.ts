import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { webhookHeaders } from "../helpers/sign.ts";
import { startTestApp, TEST_API_SECRET, type TestApp } from "../helpers/start-test-app.ts";

describe("operator endpoints", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app?.close());

  it("/healthz answers while the process lives", async () => {
    const res = await fetch(`${app.url}/healthz`);
    expect(res.status).toBe(200);
  });

  it("/readyz checks the database and the queue backend", async () => {
    const res = await fetch(`${app.url}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, database: "ok", queue: "ok" });
  });

  it("/metrics exposes Prometheus text with webhook counters by outcome", async () => {
    const body = '{"id":1}';
    const headers = webhookHeaders({
      topic: "orders/create",
      shop: "m.myshopify.com",
      body,
      secret: TEST_API_SECRET,
    });
    await fetch(`${app.url}/webhooks`, { method: "POST", headers, body });
    await fetch(`${app.url}/webhooks`, {
      method: "POST",
      headers: { ...headers, "X-Shopify-Hmac-Sha256": "bad" },
      body,
    });
    const res = await fetch(`${app.url}/metrics`);
    expect(res.headers.get("content-type")).toMatch(/text\/plain/);
    const text = await res.text();
    expect(text).toMatch(/backorder_webhooks_total\{topic="orders\/create",outcome="recorded"\} 1/);
    expect(text).toMatch(/backorder_webhooks_total\{topic="orders\/create",outcome="rejected"\} 1/);
    expect(text).toContain("process_resident_memory_bytes");
  });

  it("answers unknown /api and /proxy paths without a session or signature with 401", async () => {
    expect((await fetch(`${app.url}/api/nothing`)).status).toBe(401);
    expect((await fetch(`${app.url}/proxy/eta?variant_ids=1`)).status).toBe(401);
  });
});
