import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notifyOrderJob } from "../../web/server/queues/definitions/notify-order.ts";
import { recordWebhook } from "../../web/server/webhooks/record-webhook.ts";
import { postSimDelivery } from "../helpers/post-sim-delivery.ts";
import { startBackorderFixture, type BackorderFixture, type BackorderShop } from "./backorder-fixture.ts";

let f: BackorderFixture;
beforeAll(async () => {
  f = await startBackorderFixture();
}, 60_000);
afterAll(() => f?.close());

/**
 * One unit in stock, an older and a newer order for it. The newer order's webhook is recorded,
 * then its worker dies: the event waits, unprocessed. Everything else arrives, so the older order,
 * the only one known, takes the shortfall for now. Returns the two orders once that is so.
 */
async function newerOrderStuck(shop: BackorderShop, prefix: string, stuckSinceMs = 0) {
  const cap = await f.addVariant(shop, "Linen Cap", 1);
  await f.sync(shop);
  f.sim.webhooks.pause();
  const older = f.sim.placeOrder(shop.domain, {
    email: `${prefix}-older@example.com`,
    lines: [{ variantId: cap.variantId, quantity: 1 }],
  });
  const newer = f.sim.placeOrder(shop.domain, {
    email: `${prefix}-newer@example.com`,
    lines: [{ variantId: cap.variantId, quantity: 1 }],
  });
  const queued = f.sim.webhooks.queued();
  const newerCreate = queued.filter((d) => d.topic === "orders/create").at(-1)!;
  const db = f.app.deps.db;
  await recordWebhook(
    db,
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
  if (stuckSinceMs > 0) {
    await db.webhookEvent.updateMany({
      where: { shopDomain: shop.domain, webhookId: newerCreate.webhookId },
      data: { receivedAt: new Date(Date.now() - stuckSinceMs) },
    });
  }
  for (const d of queued.filter((x) => x !== newerCreate)) {
    const res = await postSimDelivery(f.app.url, d);
    expect(res.status).toBe(200);
  }
  await expect
    .poll(
      async () => (await db.backorderLine.findMany({ where: { shopId: shop.id } })).map((l) => l.orderId),
      {
        timeout: 15_000,
      },
    )
    .toEqual([older.id]);
  return { older, newer };
}

/** The stuck event is delivered again and processed: the newer order is the backordered one. */
async function releaseAndCheck(shop: BackorderShop, prefix: string, older: { id: bigint }) {
  f.sim.webhooks.resume();
  await f.settle();
  const db = f.app.deps.db;
  const lines = await db.backorderLine.findMany({ where: { shopId: shop.id, status: "OPEN" } });
  expect(lines.map((l) => l.orderId)).not.toContain(older.id);
  expect(lines).toHaveLength(1);
  expect(f.smtp.countTo(`${prefix}-older@example.com`)).toBe(0);
  expect(f.smtp.countTo(`${prefix}-newer@example.com`)).toBe(1);
  const ledger = await db.notification.findMany({
    where: { shopId: shop.id },
    select: { kind: true, orderId: true },
  });
  expect(ledger).toEqual([{ kind: "backorder_confirmation", orderId: lines[0]!.orderId }]);
}

describe("backorder emails wait for the shop's earlier webhooks", () => {
  it("an order that only looks backordered while a newer order's webhook waits unprocessed is never told", async () => {
    const shop = await f.addShop();
    const { older } = await newerOrderStuck(shop, "short");
    // Its email waits past the usual settle time (2.75 s) for the earlier event.
    await new Promise((r) => setTimeout(r, 6_000));
    expect(f.smtp.countTo("short-older@example.com")).toBe(0);
    await releaseAndCheck(shop, "short", older);
  }, 60_000);

  it("keeps waiting when the backlog outlasts any fixed bound (the old one was 2 minutes)", async () => {
    const shop = await f.addShop();
    // The newer order's event has been stuck for 4 minutes, behind worker crashes...
    const { older } = await newerOrderStuck(shop, "long", 4 * 60_000);
    // ...and the older order's notify-order job has been holding for 3 of them, its mark 2 old.
    const db = f.app.deps.db;
    await db.order.updateMany({
      where: { shopId: shop.id, orderId: older.id },
      data: { notifyDirtyAt: new Date(Date.now() - 2 * 60_000) },
    });
    const heldSince = Date.now();
    await f.app.deps.queues
      .get(notifyOrderJob.queue)
      .add(
        notifyOrderJob.name,
        { shopId: shop.id, orderId: String(older.id) },
        { ...notifyOrderJob.options, jobId: `held-${older.id}`, timestamp: Date.now() - 3 * 60_000 },
      );
    await new Promise((r) => setTimeout(r, 6_000));
    expect(f.smtp.countTo("long-older@example.com")).toBe(0);
    const held = await f.app.deps.queues.get(notifyOrderJob.queue).getJob(`held-${older.id}`);
    expect(await held?.getState()).toBe("delayed");
    // The held job keeps its order's mark fresh: the sweep for lost jobs leaves it alone.
    const marked = await db.order.findFirstOrThrow({ where: { shopId: shop.id, orderId: older.id } });
    expect(marked.notifyDirtyAt!.getTime()).toBeGreaterThanOrEqual(heldSince - 1_000);
    await releaseAndCheck(shop, "long", older);
  }, 60_000);
});
