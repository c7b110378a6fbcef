import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordWebhook } from "../../web/server/webhooks/record-webhook.ts";
import { postSimDelivery } from "../helpers/post-sim-delivery.ts";
import { startBackorderFixture, type BackorderFixture } from "./backorder-fixture.ts";

let f: BackorderFixture;
beforeAll(async () => {
  f = await startBackorderFixture();
}, 60_000);
afterAll(() => f?.close());

describe("backorder emails wait for the shop's earlier webhooks", () => {
  it("an order that only looks backordered while a newer order's webhook waits unprocessed is never told", async () => {
    const shop = await f.addShop();
    const cap = await f.addVariant(shop, "Linen Cap", 1);
    await f.sync(shop);
    f.sim.webhooks.pause();
    const older = f.sim.placeOrder(shop.domain, {
      email: "older@example.com",
      lines: [{ variantId: cap.variantId, quantity: 1 }],
    });
    f.sim.placeOrder(shop.domain, {
      email: "newer@example.com",
      lines: [{ variantId: cap.variantId, quantity: 1 }],
    });
    const queued = f.sim.webhooks.queued();
    const newerCreate = queued.filter((d) => d.topic === "orders/create").at(-1)!;
    // The newer order's webhook was recorded, then its worker died: the event waits, unprocessed.
    await recordWebhook(
      f.app.deps.db,
      {
        topic: newerCreate.topic,
        shopDomain: newerCreate.shop,
        webhookId: newerCreate.webhookId,
        eventKey: newerCreate.eventId,
        apiVersion: null,
        triggeredAt: new Date(newerCreate.triggeredAt),
      },
      newerCreate.body,
    );
    // Everything else arrives: the older order and the stock now at -1.
    for (const d of queued.filter((x) => x !== newerCreate)) {
      const res = await postSimDelivery(f.app.url, d);
      expect(res.status).toBe(200);
    }
    // With only the older order known, it takes the shortfall for now...
    await expect
      .poll(
        async () =>
          (await f.app.deps.db.backorderLine.findMany({ where: { shopId: shop.id } })).map((l) => l.orderId),
        { timeout: 15_000 },
      )
      .toEqual([older.id]);
    // ...but its email waits past the usual settle time (2.75 s) for the earlier event.
    await new Promise((r) => setTimeout(r, 6_000));
    expect(f.smtp.countTo("older@example.com")).toBe(0);

    // The stuck event is delivered again and processed: the newer order is the backordered one.
    f.sim.webhooks.resume();
    await f.settle();
    const lines = await f.app.deps.db.backorderLine.findMany({ where: { shopId: shop.id, status: "OPEN" } });
    expect(lines.map((l) => l.orderId)).not.toContain(older.id);
    expect(lines).toHaveLength(1);
    expect(f.smtp.countTo("older@example.com")).toBe(0);
    expect(f.smtp.countTo("newer@example.com")).toBe(1);
  }, 60_000);
});
