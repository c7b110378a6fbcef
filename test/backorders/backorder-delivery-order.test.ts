import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBackorderFixture, type BackorderFixture, type BackorderShop } from "./backorder-fixture.ts";
import { futureDate } from "../helpers/future-date.ts";

let f: BackorderFixture;

beforeAll(async () => {
  f = await startBackorderFixture();
}, 60_000);
afterAll(async () => {
  await f?.close();
});

/** A seeded rng (mulberry32) so a failing shuffle can be replayed. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Orders, a restock, a fulfilment and a cancellation with webhooks held, then delivered at once.
 * Returns what a merchant and the customers end up seeing, keyed by the order's position.
 */
async function runScenario(
  shop: BackorderShop,
  flush: Parameters<BackorderFixture["sim"]["webhooks"]["flush"]>[0],
) {
  const a = await f.addVariant(shop, "Alpine Jacket", 3, futureDate(18).iso);
  const b = await f.addVariant(shop, "Alpine Gloves", 0, futureDate(35).iso);
  await f.sync(shop);
  const tag = (n: string) => `${n}-${shop.domain}`;
  f.sim.webhooks.pause();
  const o1 = f.sim.placeOrder(shop.domain, {
    email: `${tag("alice")}@example.com`,
    lines: [{ variantId: a.variantId, quantity: 2 }],
  });
  // One variant per order: the simulator gives every webhook of one action the same
  // X-Shopify-Event-Id, so two inventory_levels/update of one checkout collide at ingress.
  const o2 = f.sim.placeOrder(shop.domain, {
    email: `${tag("bob")}@example.com`,
    lines: [{ variantId: a.variantId, quantity: 3 }],
  });
  const o3 = f.sim.placeOrder(shop.domain, {
    email: `${tag("carol")}@example.com`,
    lines: [{ variantId: a.variantId, quantity: 1 }],
  });
  f.sim.adjustInventory(shop.domain, a.inventoryItemId, shop.locationId, 1);
  f.sim.fulfillOrder(shop.domain, o1.id);
  f.sim.cancelOrder(shop.domain, o3.id, { restock: true });
  const o4 = f.sim.placeOrder(shop.domain, {
    email: `${tag("dave")}@example.com`,
    lines: [{ variantId: b.variantId, quantity: 1 }],
  });
  const held = f.sim.webhooks.queued().length;
  f.sim.webhooks.flush(flush);
  f.sim.webhooks.resume();
  await f.settle();

  const db = f.app.deps.db;
  const index = new Map([o1, o2, o3, o4].map((o, i) => [o.id, `o${i + 1}`]));
  const open = await db.backorderLine.findMany({
    where: { shopId: shop.id, status: "OPEN" },
    orderBy: { lineItemId: "asc" },
  });
  const sent = await db.notification.findMany({
    where: { shopId: shop.id },
    orderBy: { idempotencyKey: "asc" },
  });
  return {
    held,
    open: open.map((l) => [
      index.get(l.orderId),
      l.variantId === a.variantId ? "a" : "b",
      l.backorderedQuantity,
    ]),
    tags: [o1, o2, o3, o4].map((o) => f.sim.getOrderTags(shop.domain, o.id).includes("backorder")),
    available: (await db.variant.findMany({ where: { shopId: shop.id }, orderBy: { variantId: "asc" } })).map(
      (v) => v.available,
    ),
    emails: sent.map((n) => [n.kind, n.recipient.split("-")[0], n.status]),
    caught: ["alice", "bob", "carol", "dave"].map((n) => f.smtp.countTo(`${tag(n)}@example.com`)),
  };
}

describe("delivery order and duplicates do not change the outcome", () => {
  it("every webhook twice, shuffled: same final state and the same emails, each sent once", async () => {
    const inOrder = await runScenario(await f.addShop(), {});
    const shuffled = await runScenario(await f.addShop(), {
      shuffle: true,
      duplicateRate: 1,
      rng: seeded(20261122),
    });

    expect(shuffled.held).toBe(inOrder.held);
    expect(inOrder.open).toEqual([
      ["o2", "a", 1],
      ["o4", "b", 1],
    ]);
    expect(inOrder.tags).toEqual([false, true, false, true]);
    expect(inOrder.available).toEqual([-1, -1]);
    expect(inOrder.emails).toEqual([
      ["backorder_confirmation", "bob", "SENT"],
      ["backorder_confirmation", "dave", "SENT"],
    ]);
    expect(inOrder.caught).toEqual([0, 1, 0, 1]);
    expect({ ...shuffled, held: 0 }).toEqual({ ...inOrder, held: 0 });
  }, 120_000);
});
