import { afterEach, describe, expect, it } from "vitest";
import { createSimulator, type Simulator } from "../create-simulator.ts";
import { seedDemoShop } from "../seed-demo-shop.ts";
import { signWebhook } from "../sign-webhook.ts";
import { createWebhookReceiver } from "../test-support/create-webhook-receiver.ts";

const secret = "webhook-secret";
let cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

async function setup(respond?: Parameters<typeof createWebhookReceiver>[0], topics?: string[]) {
  const receiver = await createWebhookReceiver(respond);
  const sim: Simulator = await createSimulator({
    apiKey: "k",
    apiSecret: secret,
    appUrl: receiver.url,
    webhookTopics: topics,
    webhookRetry: { attempts: 3, baseDelayMs: 10 },
  });
  cleanup.push(
    () => receiver.close(),
    () => sim.close(),
  );
  return { sim, receiver, seeded: seedDemoShop(sim) };
}

describe("webhook delivery", () => {
  it("placeOrder sends a signed orders/create and one inventory_levels/update per level, sharing one event id", async () => {
    const { sim, receiver, seeded } = await setup();
    const tee = seeded.products["organic-cotton-tee"]!.variants;
    const order = sim.placeOrder(seeded.shop, {
      email: "grace@example.com",
      customerTags: ["wholesale"],
      locale: "fr",
      lines: [
        { variantId: tee[0]!.variantId, quantity: 1 },
        { variantId: tee[2]!.variantId, quantity: 2 },
      ],
    });
    await sim.waitForDeliveries();
    expect(receiver.received.map((h) => h.headers["x-shopify-topic"])).toEqual(
      expect.arrayContaining(["orders/create", "inventory_levels/update", "inventory_levels/update"]),
    );
    expect(receiver.received).toHaveLength(3);
    for (const hook of receiver.received) {
      expect(hook.path).toBe("/webhooks");
      expect(hook.headers["x-shopify-hmac-sha256"]).toBe(signWebhook(hook.rawBody, secret));
      expect(hook.headers).toMatchObject({
        "x-shopify-shop-domain": seeded.shop,
        "x-shopify-api-version": "2026-07",
      });
      expect(hook.headers["x-shopify-triggered-at"]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/);
    }
    expect(new Set(receiver.received.map((h) => h.headers["x-shopify-event-id"])).size).toBe(1);
    expect(new Set(receiver.received.map((h) => h.headers["x-shopify-webhook-id"])).size).toBe(3);

    const raw = receiver.byTopic("orders/create")[0]!.rawBody;
    // The exact digits of 64-bit ids, as raw JSON integers: JSON.parse would round them.
    expect(order.id > 2n ** 53n).toBe(true);
    expect(raw).toContain(`"id":${order.id},`);
    expect(raw).toContain(`"variant_id":${tee[2]!.variantId},`);
    // Ids are odd and above 2^53, so a naive JSON.parse always corrupts them.
    expect(String(JSON.parse(raw).id)).not.toBe(order.id.toString());
    const body = JSON.parse(raw);
    expect(body).toMatchObject({
      email: "grace@example.com",
      customer_locale: "fr",
      currency: "USD",
      total_price: "84.00",
      cancelled_at: null,
      admin_graphql_api_id: `gid://shopify/Order/${order.id}`,
      customer: { tags: "wholesale", email: "grace@example.com" },
    });
    expect(body.line_items[1]).toMatchObject({
      quantity: 2,
      current_quantity: 2,
      fulfillable_quantity: 2,
      sku: "TEE-ORG-L",
    });
    expect(sim.deliveries.every((d) => d.status === 200)).toBe(true);
  });

  it("rejects a DENY order beyond stock and lets a CONTINUE order drive available negative", async () => {
    const { sim, seeded } = await setup();
    const beanie = seeded.products["merino-wool-beanie"]!.variants[0]!;
    expect(() =>
      sim.placeOrder(seeded.shop, { email: "a@b.co", lines: [{ variantId: beanie.variantId, quantity: 1 }] }),
    ).toThrow(/not enough stock/);
    const large = seeded.products["organic-cotton-tee"]!.variants[2]!; // 0 in stock, CONTINUE
    sim.placeOrder(seeded.shop, { email: "a@b.co", lines: [{ variantId: large.variantId, quantity: 3 }] });
    expect(sim.getInventoryLevels(seeded.shop, large.inventoryItemId)[0]).toMatchObject({
      available: -3,
      committed: 3,
      onHand: 0,
    });
  });

  it("fulfils (committed and on_hand drop) and cancels with restock", async () => {
    const { sim, receiver, seeded } = await setup();
    const candle = seeded.products["beeswax-candle-trio"]!.variants[0]!;
    const order = sim.placeOrder(seeded.shop, {
      email: "a@b.co",
      lines: [{ variantId: candle.variantId, quantity: 4 }],
    });
    const lineId = order.lineItems[0]!.id;
    const partial = sim.fulfillOrder(seeded.shop, order.id, [{ lineItemId: lineId, quantity: 1 }]);
    expect(partial.fulfillmentStatus).toBe("partial");
    expect(sim.getInventoryLevels(seeded.shop, candle.inventoryItemId)[0]).toMatchObject({
      available: 116,
      committed: 3,
      onHand: 119,
    });
    sim.cancelOrder(seeded.shop, order.id, { restock: true });
    expect(sim.getInventoryLevels(seeded.shop, candle.inventoryItemId)[0]).toMatchObject({
      available: 119,
      committed: 0,
      onHand: 119,
    });
    await sim.waitForDeliveries();
    const cancelled = JSON.parse(receiver.byTopic("orders/cancelled")[0]!.rawBody);
    expect(cancelled.cancelled_at).not.toBeNull();
    expect(cancelled.line_items[0]).toMatchObject({ current_quantity: 1, fulfillable_quantity: 0 });
    expect(receiver.byTopic("orders/partially_fulfilled")).toHaveLength(1);
  });

  it("retries a delivery answered with 500 and records every attempt", async () => {
    const { sim, receiver, seeded } = await setup((index) => (index < 2 ? 500 : 200), ["products/update"]);
    sim.updateProduct(seeded.shop, seeded.products["stoneware-mug"]!.productId, {
      title: "Stoneware Mug (new glaze)",
    });
    await sim.waitForDeliveries();
    expect(sim.deliveries.map((d) => [d.attempt, d.status])).toEqual([
      [1, 500],
      [2, 500],
      [3, 200],
    ]);
    expect(new Set(receiver.received.map((h) => h.headers["x-shopify-webhook-id"])).size).toBe(1);
    expect(new Set(receiver.received.map((h) => h.rawBody)).size).toBe(1);
  });

  it("gives up after the configured retries", async () => {
    const { sim, seeded } = await setup(() => 503, ["products/update"]);
    sim.updateProduct(seeded.shop, seeded.products["stoneware-mug"]!.productId, { title: "Mug" });
    await sim.waitForDeliveries();
    expect(sim.deliveries).toHaveLength(4);
  });

  it("holds deliveries while paused, then sends them shuffled and duplicated on flush", async () => {
    const { sim, receiver, seeded } = await setup(undefined, ["inventory_levels/update"]);
    sim.webhooks.pause();
    const item = seeded.products["alpine-trail-backpack"]!.variants[0]!.inventoryItemId;
    for (const available of [10, 11, 12, 13, 14, 15])
      sim.setInventory(seeded.shop, item, seeded.locationIds[0]!, available);
    expect(sim.webhooks.queued()).toHaveLength(6);
    expect(receiver.received).toHaveLength(0);
    let seed = 7;
    const rng = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    sim.webhooks.flush({ shuffle: true, duplicateRate: 0.5, rng });
    await sim.waitForDeliveries();
    const order = receiver.received.map((h) => JSON.parse(h.rawBody).available as number);
    expect(order.length).toBeGreaterThan(6);
    expect(new Set(order)).toEqual(new Set([10, 11, 12, 13, 14, 15]));
    expect(order).not.toEqual([...order].sort((a, b) => a - b));
    const ids = receiver.received.map((h) => h.headers["x-shopify-webhook-id"]);
    expect(new Set(ids).size).toBe(6);
  });

  it("re-delivers a past delivery with the same webhook id and body", async () => {
    const { sim, receiver, seeded } = await setup(undefined, ["app/uninstalled"]);
    sim.uninstallApp(seeded.shop);
    await sim.waitForDeliveries();
    const first = receiver.received[0]!;
    sim.webhooks.redeliver(String(first.headers["x-shopify-webhook-id"]));
    await sim.waitForDeliveries();
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[1]!.headers["x-shopify-webhook-id"]).toBe(first.headers["x-shopify-webhook-id"]);
    expect(receiver.received[1]!.rawBody).toBe(first.rawBody);
    expect(sim.deliveries[1]!.duplicate).toBe(true);
  });

  it("always sends compliance topics and fills in the shop", async () => {
    const { sim, receiver, seeded } = await setup(undefined, ["orders/create"]);
    sim.sendComplianceWebhook("customers/redact", seeded.shop, {
      customer: { id: 9007199254740993n, email: "x@y.z" },
    });
    await sim.waitForDeliveries();
    const raw = receiver.byTopic("customers/redact")[0]!.rawBody;
    expect(raw).toContain('"id":9007199254740993');
    expect(JSON.parse(raw).shop_domain).toBe(seeded.shop);
  });
});

describe("after uninstall", () => {
  it("sends nothing more for the shop until the app is installed again", async () => {
    const { sim, receiver, seeded } = await setup();
    sim.uninstallApp(seeded.shop);
    const item = seeded.products["alpine-trail-backpack"]!.variants[0]!.inventoryItemId;
    sim.setInventory(seeded.shop, item, seeded.locationIds[0]!, 5);
    await sim.waitForDeliveries();
    expect(receiver.received.map((h) => h.headers["x-shopify-topic"])).toEqual(["app/uninstalled"]);
    sim.issueAccessToken(seeded.shop);
    sim.setInventory(seeded.shop, item, seeded.locationIds[0]!, 6);
    await sim.waitForDeliveries();
    expect(receiver.byTopic("inventory_levels/update")).toHaveLength(1);
  });
});

describe("dropped deliveries", () => {
  it("drops deliveries by rule (one order's, the next N of a topic) and delivers a dropped one late", async () => {
    const { sim, receiver, seeded } = await setup();
    const candle = seeded.products["beeswax-candle-trio"]!.variants[0]!.variantId;
    const place = () =>
      sim.placeOrder(seeded.shop, { email: "a@b.co", lines: [{ variantId: candle, quantity: 1 }] });
    sim.webhooks.drop({ topic: "inventory_levels/update", count: 1 });
    const kept = place(); // its inventory webhook is the one dropped
    await sim.waitForDeliveries();
    expect(receiver.byTopic("orders/create")).toHaveLength(1);
    expect(receiver.byTopic("inventory_levels/update")).toHaveLength(0);
    expect(sim.webhooks.dropRules()).toEqual([]);

    const lost = place();
    sim.webhooks.drop({ orderId: String(lost.id) });
    sim.cancelOrder(seeded.shop, lost.id, { restock: true });
    sim.fulfillOrder(seeded.shop, kept.id);
    await sim.waitForDeliveries();
    // The cancellation of `lost` never arrives; `kept`'s fulfilment and all stock changes do.
    expect(receiver.byTopic("orders/cancelled")).toHaveLength(0);
    expect(receiver.byTopic("orders/fulfilled")).toHaveLength(1);
    expect(receiver.byTopic("inventory_levels/update")).toHaveLength(2);
    const dropped = sim.webhooks.dropped();
    expect(dropped.map((d) => d.topic)).toEqual([
      "inventory_levels/update",
      "orders/cancelled",
      "orders/updated",
    ]);
    expect(dropped.slice(1).every((d) => d.orderId === String(lost.id))).toBe(true);

    sim.webhooks.deliverLate(dropped[1]!.webhookId);
    await sim.waitForDeliveries();
    const late = receiver.byTopic("orders/cancelled");
    expect(late).toHaveLength(1);
    expect(late[0]!.headers["x-shopify-webhook-id"]).toBe(dropped[1]!.webhookId);
    expect(late[0]!.headers["x-shopify-hmac-sha256"]).toBe(signWebhook(late[0]!.rawBody, secret));
    expect(sim.webhooks.dropped()).toHaveLength(2);
    expect(() => sim.webhooks.deliverLate(dropped[1]!.webhookId)).toThrow(/no dropped delivery/);
    sim.webhooks.clearDropRules();

    // The console's endpoints: a bad count is a 422, not a crash.
    const post = (path: string, body: unknown) =>
      fetch(`${sim.origin}/_sim${path}`, { method: "POST", body: JSON.stringify(body) });
    expect((await post("/webhooks/drop", { topic: "orders/create", count: "x" })).status).toBe(422);
    expect((await post("/webhooks/drop", { topic: "orders/create", count: 2 })).status).toBe(201);
    const listed = (await (await fetch(`${sim.origin}/_sim/webhooks/drop`)).json()) as { rules: unknown[] };
    expect(listed.rules).toEqual([{ topic: "orders/create", count: 2 }]);
    expect((await post("/webhooks/dropped/nope/deliver", {})).status).toBe(404);
  });
});
