import { Registry } from "prom-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../web/server/db/create-prisma.ts";
import { createMetrics } from "../../web/server/metrics/create-metrics.ts";
import { registerStateGauges } from "../../web/server/ops/register-state-gauges.ts";
import { startTestApp, type TestApp } from "../helpers/start-test-app.ts";

const BIG = 9_007_199_254_740_993n; // above 2^53, as Shopify ids are

describe("backlog gauges in /metrics", () => {
  let app: TestApp;
  let shopIds: string[];
  beforeAll(async () => {
    app = await startTestApp();
    const db = app.deps.db;
    shopIds = [];
    for (const domain of ["g1.myshopify.com", "g2.myshopify.com"]) {
      shopIds.push((await db.shop.create({ data: { domain, settings: { create: {} } } })).id);
    }
    const [a, b] = shopIds as [string, string];
    const line = (
      shopId: string,
      n: bigint,
      status: "OPEN" | "READY" | "FULFILLED",
      backordered: number,
    ) => ({
      shopId,
      orderId: BIG + n,
      lineItemId: BIG + 100n + n,
      variantId: BIG + 200n,
      status,
      quantity: backordered + 1,
      backorderedQuantity: backordered,
      placedAt: new Date("2026-11-01T00:00:00Z"),
    });
    await db.backorderLine.createMany({
      data: [line(a, 1n, "OPEN", 2), line(a, 2n, "OPEN", 3), line(b, 3n, "OPEN", 1), line(b, 4n, "READY", 0)],
    });
    await db.backorderLine.create({ data: line(b, 5n, "FULFILLED", 7) });
    const sub = (shopId: string, n: number, status: "PENDING" | "ACTIVE" | "NOTIFIED") => ({
      shopId,
      variantId: BIG,
      email: `s${n}@example.com`,
      status,
      confirmToken: `c-${n}`,
      unsubscribeToken: `u-${n}`,
    });
    await db.subscription.createMany({
      data: [sub(a, 1, "PENDING"), sub(a, 2, "ACTIVE"), sub(b, 3, "ACTIVE"), sub(b, 4, "NOTIFIED")],
    });
  });
  afterAll(() => app?.close());

  it("reports open/ready lines, backordered units and live subscriptions across all shops", async () => {
    const metrics = createMetrics({ state: { db: app.deps.db } });
    const text = await metrics.registry.metrics();
    expect(text).toContain("backorder_state_up 1");
    expect(text).toContain('backorder_backorder_lines{status="open"} 3');
    expect(text).toContain('backorder_backorder_lines{status="ready"} 1');
    expect(text).toContain('backorder_backordered_units{status="open"} 6');
    expect(text).toContain('backorder_backordered_units{status="ready"} 0');
    expect(text).toContain('backorder_subscriptions{status="pending"} 1');
    expect(text).toContain('backorder_subscriptions{status="active"} 2');
  });

  it("reports queue depth by queue and state", async () => {
    await app.deps.queues.get("email").add("ops-probe", {}, { jobId: "ops-probe-1" });
    await app.deps.queues.get("email").add("ops-probe", {}, { jobId: "ops-probe-2", delay: 60_000 });
    const metrics = createMetrics({ state: { db: app.deps.db, queues: app.deps.queues } });
    const text = await metrics.registry.metrics();
    expect(text).toContain('backorder_queue_jobs{queue="email",state="waiting"} 1');
    expect(text).toContain('backorder_queue_jobs{queue="email",state="delayed"} 1');
    expect(text).toContain('backorder_queue_jobs{queue="events",state="waiting"} 0');
  });

  it("reads the database once per cache period, however many gauges and scrapes", async () => {
    let reads = 0;
    let clock = 0;
    const db = countingDb(app.deps.db, () => reads++);
    const registry = new Registry();
    registerStateGauges(registry, { db }, { cacheMs: 10_000, now: () => clock });
    await registry.metrics();
    await registry.metrics();
    expect(reads).toBe(2); // one read = two groupBy queries (lines, subscriptions)
    clock = 10_000;
    await registry.metrics();
    expect(reads).toBe(4);
  });

  it("keeps /metrics serving when the database is down, with backorder_state_up 0 and no stale values", async () => {
    const failing = {
      backorderLine: { groupBy: () => Promise.reject(new Error("connection refused")) },
      subscription: { groupBy: () => Promise.reject(new Error("connection refused")) },
    } as unknown as Db;
    const metrics = createMetrics({ state: { db: failing } });
    const text = await metrics.registry.metrics();
    expect(text).toContain("backorder_state_up 0");
    expect(text).not.toMatch(/backorder_backorder_lines\{/);
    expect(text).toContain("process_resident_memory_bytes");
  });

  it("registers no backlog gauge without a state source (workers)", async () => {
    const text = await createMetrics().registry.metrics();
    expect(text).not.toContain("backorder_state_up");
    expect(text).toContain("backorder_admin_api_cost_points_total");
  });
});

function countingDb(db: Db, onQuery: () => void): Db {
  const wrap = <T extends object>(model: T) =>
    new Proxy(model, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver);
        if (prop !== "groupBy" || typeof value !== "function") return value;
        return (...args: unknown[]) => {
          onQuery();
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  return { backorderLine: wrap(db.backorderLine), subscription: wrap(db.subscription) } as unknown as Db;
}
