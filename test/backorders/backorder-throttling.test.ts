import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBackorderFixture, type BackorderFixture } from "./backorder-fixture.ts";

let f: BackorderFixture;

beforeAll(async () => {
  f = await startBackorderFixture({ concurrency: 10 });
}, 60_000);
afterAll(async () => {
  await f?.close();
});

describe("Admin API throttling", () => {
  it("at 50 points/s, 200 backordered orders are all tagged with zero failed jobs", async () => {
    const shop = await f.addShop({ emailBackorderConfirmation: false });
    const variants = [
      await f.addVariant(shop, "Sold-out Parka", 0),
      await f.addVariant(shop, "Sold-out Beanie", 0),
    ];
    await f.sync(shop);
    f.sim.setBucket(shop.domain, { maximumAvailable: 400, currentlyAvailable: 100, restoreRate: 50 });
    const orders = Array.from({ length: 200 }, (_, i) =>
      f.sim.placeOrder(shop.domain, {
        email: `parka${i}@example.com`,
        lines: [{ variantId: variants[i % 2]!.variantId, quantity: 1 }],
      }),
    );
    const started = Date.now();
    await f.settle(200_000);
    if (process.env.DEBUG_BACKORDERS) {
      const byOp = new Map<string, number[]>();
      for (const e of f.sim.graphqlLog) {
        const k = `${e.operationName}${e.throttled ? " (throttled)" : ""}`;
        const v = byOp.get(k) ?? [0, 0, 0];
        v[0]! += 1;
        v[1]! += e.requestedCost ?? 0;
        v[2]! += e.actualCost ?? 0;
        byOp.set(k, v);
      }
      console.log("settled in", Date.now() - started, "ms", [...byOp]);
    }

    const untagged = orders.filter((o) => !f.sim.getOrderTags(shop.domain, o.id).includes("backorder"));
    expect(untagged).toHaveLength(0);
    expect(await f.app.deps.db.backorderLine.count({ where: { shopId: shop.id, status: "OPEN" } })).toBe(200);
    expect(f.sim.graphqlLog.filter((e) => e.shop === shop.domain && e.throttled).length).toBeGreaterThan(0);
    for (const queue of ["events", "shopify", "email"] as const) {
      const failed = await f.app.deps.queues.get(queue).getFailed();
      // Jobs of features whose handlers are not registered in this build are not this test's concern.
      expect(
        failed
          .filter((j) => !j.failedReason.startsWith("no handler for job"))
          .map((j) => [j.name, j.failedReason]),
      ).toEqual([]);
    }
  }, 300_000);
});
