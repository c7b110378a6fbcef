import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PendingDelivery } from "../../simulator/webhooks/webhook-types.ts";
import { postSimDelivery } from "../helpers/post-sim-delivery.ts";
import { startBackorderFixture, type BackorderFixture } from "./backorder-fixture.ts";

let f: BackorderFixture;
beforeAll(async () => {
  f = await startBackorderFixture();
}, 60_000);
afterAll(() => f?.close());

const available = (d: PendingDelivery) => (JSON.parse(d.body) as { available: number }).available;

/** Waits until the wall clock is early in a second, so what follows shares that second. */
async function startOfASecond() {
  while (Date.now() % 1000 > 200) await new Promise((r) => setTimeout(r, 20));
}

async function post(d: PendingDelivery) {
  expect((await postSimDelivery(f.app.url, d)).status).toBe(200);
}

/**
 * Two units, three orders of one unit in the same second: the third is the backordered one. The
 * first order's webhooks arrive, and the inventory webhook of the second, whose level disagrees
 * with the first's in the same second: the app re-reads the level from the Admin API, which
 * already counts all three orders (available -1) while the app knows only the first.
 */
describe("a stock read that counts orders the app has not heard of yet", () => {
  it("holds the email until a webhook confirms the read, and the served order is never told 'backordered'", async () => {
    const shop = await f.addShop();
    const mug = await f.addVariant(shop, "Stoneware Mug", 2);
    await f.sync(shop);
    f.sim.webhooks.pause();
    await startOfASecond();
    const orders = ["first", "second", "third"].map((who) =>
      f.sim.placeOrder(shop.domain, {
        email: `${who}@example.com`,
        lines: [{ variantId: mug.variantId, quantity: 1 }],
      }),
    );
    const queued = f.sim.webhooks.queued();
    const creates = queued.filter((d) => d.topic === "orders/create");
    const levels = queued.filter((d) => d.topic === "inventory_levels/update");
    expect(levels.map(available)).toEqual([1, 0, -1]);

    await post(creates[0]!);
    await post(levels[0]!);
    await post(levels[1]!);
    const db = f.app.deps.db;
    // The re-read stored -1, and the first order (the only one known) looks backordered.
    await expect
      .poll(
        async () => (await db.backorderLine.findMany({ where: { shopId: shop.id, status: "OPEN" } })).length,
        {
          timeout: 15_000,
        },
      )
      .toBe(1);
    // Well past the usual settle time (2.75 s), nothing reaches the first customer.
    await new Promise((r) => setTimeout(r, 6_000));
    expect(f.smtp.countTo("first@example.com")).toBe(0);
    const level = await db.inventoryLevel.findFirstOrThrow({
      where: { shopId: shop.id, inventoryItemId: mug.inventoryItemId },
    });
    expect(level.available).toBe(-1);
    expect(level.readUnconfirmedAt).not.toBeNull();

    // The other webhooks arrive; the last inventory webhook carries -1 and confirms the read.
    await post(creates[1]!);
    await post(creates[2]!);
    await post(levels[2]!);
    f.sim.webhooks.resume();
    await f.settle();

    const open = await db.backorderLine.findMany({ where: { shopId: shop.id, status: "OPEN" } });
    expect(open.map((l) => l.orderId)).toEqual([orders[2]!.id]);
    expect(f.smtp.countTo("first@example.com")).toBe(0);
    expect(f.smtp.countTo("second@example.com")).toBe(0);
    expect(f.smtp.countTo("third@example.com")).toBe(1);
    const confirmed = await db.inventoryLevel.findFirstOrThrow({
      where: { shopId: shop.id, inventoryItemId: mug.inventoryItemId },
    });
    expect(confirmed.readUnconfirmedAt).toBeNull();
  }, 90_000);
});
