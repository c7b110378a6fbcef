import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { createMetrics } from "../../web/server/metrics/create-metrics.ts";
import { startMetricsServer, type MetricsServer } from "../../web/server/ops/start-metrics-server.ts";

describe("the worker's metrics listener", () => {
  let server: MetricsServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it("serves /healthz and the process's job metrics, and nothing else", async () => {
    const metrics = createMetrics();
    metrics.jobs.inc({ queue: "email", name: "send-notification", outcome: "completed" });
    metrics.jobFinalFailures.inc({ queue: "shopify", name: "sync-order-tag" });
    server = await startMetricsServer({
      port: 0,
      host: "127.0.0.1",
      metrics,
      logger: pino({ level: "silent" }),
    });
    const base = `http://127.0.0.1:${server.port}`;

    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });

    const scrape = await fetch(`${base}/metrics`);
    expect(scrape.headers.get("content-type")).toMatch(/text\/plain/);
    const text = await scrape.text();
    expect(text).toContain(
      'backorder_jobs_total{queue="email",name="send-notification",outcome="completed"} 1',
    );
    expect(text).toContain('backorder_job_final_failures_total{queue="shopify",name="sync-order-tag"} 1');

    expect((await fetch(`${base}/admin/queues`)).status).toBe(404);
    expect((await fetch(`${base}/metrics`, { method: "POST" })).status).toBe(404);
  });
});
