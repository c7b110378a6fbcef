import { afterAll, beforeAll, describe, expect, it } from "vitest";
import request from "supertest";
import { createApp } from "../../web/server/app.ts";
import { createPrisma } from "../../web/server/db/create-prisma.ts";
import { startMetricsServer } from "../../web/server/ops/start-metrics-server.ts";
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
    expect(await res.json()).toMatchObject({ ok: true, postgres: "up", queue: "up" });
  });

  it("/readyz names the dependency that is down, not the driver's message", async () => {
    const deadDb = createPrisma("postgresql://ops_user:hunter2-secret@127.0.0.1:1/nowhere");
    try {
      const res = await request(createApp({ ...app.deps, db: deadDb })).get("/readyz");
      expect(res.status).toBe(503);
      expect(res.body).toEqual({
        ok: false,
        postgres: "down",
        queue: "up",
        queueBackend: expect.any(String),
      });
      expect(res.text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|hunter2|ops_user|error/i);
    } finally {
      await deadDb.$disconnect();
    }
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
    // Not on the public port: no operator credentials configured, so as if it did not exist.
    expect((await fetch(`${app.url}/metrics`)).status).toBe(404);
    // The ops listener (METRICS_PORT) serves the same registry.
    const ops = await startMetricsServer({
      port: 0,
      host: "127.0.0.1",
      metrics: app.deps.metrics,
      logger: app.deps.logger,
    });
    const res = await fetch(`http://127.0.0.1:${ops.port}/metrics`).finally(() => ops.close());
    expect(res.headers.get("content-type")).toMatch(/text\/plain/);
    const text = await res.text();
    expect(text).toMatch(/backorder_webhooks_total\{topic="orders\/create",outcome="recorded"\} 1/);
    // Before the HMAC passes the topic header is anyone's: rejected deliveries are labelled "invalid".
    expect(text).toMatch(/backorder_webhooks_total\{topic="invalid",outcome="rejected"\} 1/);
    expect(text).not.toMatch(/topic="orders\/create",outcome="rejected"/);
    expect(text).toContain("process_resident_memory_bytes");
  });

  it("/metrics on the public port needs the operator credentials when they are configured", async () => {
    const config = { ...app.deps.config, ops: { user: "operator", password: "a-long-operator-password" } };
    const web = createApp({ ...app.deps, config });
    expect((await request(web).get("/metrics")).status).toBe(401);
    const ok = await request(web).get("/metrics").auth("operator", "a-long-operator-password");
    expect(ok.status).toBe(200);
    expect(ok.text).toContain("process_resident_memory_bytes");
  });

  it("answers unknown /api and /proxy paths without a session or signature with 401", async () => {
    expect((await fetch(`${app.url}/api/nothing`)).status).toBe(401);
    expect((await fetch(`${app.url}/proxy/eta?variant_ids=1`)).status).toBe(401);
  });
});
