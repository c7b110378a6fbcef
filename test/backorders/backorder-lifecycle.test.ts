import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PendingDelivery } from "../../simulator/webhooks/webhook-types.ts";
import { postSimDelivery } from "../helpers/post-sim-delivery.ts";
import { waitFor } from "../helpers/wait-for.ts";
import { messageText } from "../helpers/smtp-catcher.ts";
import { startBackorderFixture, type BackorderFixture } from "./backorder-fixture.ts";
import { asWord, futureDate } from "../helpers/future-date.ts";

const HOODIE_ETA = futureDate(40);

let f: BackorderFixture;

beforeAll(async () => {
  f = await startBackorderFixture();
}, 60_000);
afterAll(async () => {
  await f?.close();
});

const rows = (shopId: string) =>
  f.app.deps.db.backorderLine.findMany({ where: { shopId }, orderBy: { placedAt: "asc" } });

describe("backorder engine end to end", () => {
  it("ordered 5 with 2 available: 3 backordered, order tagged, one confirmation with the ETA", async () => {
    const shop = await f.addShop();
    const hoodie = await f.addVariant(shop, "Trail Hoodie", 2, HOODIE_ETA.iso);
    await f.sync(shop);
    expect(
      (
        await f.app.deps.db.variant.findFirstOrThrow({
          where: { shopId: shop.id, variantId: hoodie.variantId },
        })
      ).available,
    ).toBe(2);

    const order = f.sim.placeOrder(shop.domain, {
      email: "ada@example.com",
      lines: [{ variantId: hoodie.variantId, quantity: 5 }],
    });
    await f.settle();

    const [line] = await rows(shop.id);
    expect(line).toMatchObject({ orderId: order.id, status: "OPEN", quantity: 5, backorderedQuantity: 3 });
    expect(line!.etaAtOrder?.toISOString().slice(0, 10)).toBe(HOODIE_ETA.iso);
    expect(f.sim.getOrderTags(shop.domain, order.id)).toContain("backorder");
    const mails = f.smtp.messages.filter((m) => m.to.includes("ada@example.com"));
    expect(mails).toHaveLength(1);
    const body = messageText(mails[0]!.raw);
    expect(body).toContain("Trail Hoodie");
    expect(body).toMatch(asWord(HOODIE_ETA.email));
    const summary = f.sim.getMetafields(`gid://shopify/Order/${order.id}`).find((m) => m.key === "summary");
    expect(JSON.parse(summary!.value)).toEqual([
      {
        line_item_id: String(order.lineItems[0]!.id),
        variant_id: String(hoodie.variantId),
        backordered_quantity: 3,
        eta: HOODIE_ETA.iso,
      },
    ]);
  }, 60_000);

  it("two orders for the last unit arriving in reverse order: only the newer one is backordered", async () => {
    const shop = await f.addShop();
    const cap = await f.addVariant(shop, "Canvas Cap", 1);
    await f.sync(shop);
    f.sim.webhooks.pause();
    const first = f.sim.placeOrder(shop.domain, {
      email: "first@example.com",
      lines: [{ variantId: cap.variantId, quantity: 1 }],
    });
    const second = f.sim.placeOrder(shop.domain, {
      email: "second@example.com",
      lines: [{ variantId: cap.variantId, quantity: 1 }],
    });
    // Deliver the newer order's webhooks first, then the older one's; then let the simulator send
    // its own copies too (duplicates by webhook id, which the app must ignore).
    await deliverInOrder([...f.sim.webhooks.queued()].reverse());
    f.sim.webhooks.resume();
    await f.settle();

    const lines = await rows(shop.id);
    expect(lines.map((l) => [l.orderId, l.status, l.backorderedQuantity])).toEqual([[second.id, "OPEN", 1]]);
    expect(f.sim.getOrderTags(shop.domain, first.id)).not.toContain("backorder");
    expect(f.sim.getOrderTags(shop.domain, second.id)).toContain("backorder");
    expect(f.smtp.countTo("first@example.com")).toBe(0);
    expect(f.smtp.countTo("second@example.com")).toBe(1);
  }, 60_000);

  it("restock of 3 against 5 backordered across 3 orders: oldest ready first, each told once; tags follow", async () => {
    const shop = await f.addShop();
    const boot = await f.addVariant(shop, "Wool Boot", 0, futureDate(45).iso);
    await f.sync(shop);
    const orders: ReturnType<typeof f.sim.placeOrder>[] = [];
    for (const [i, quantity] of [2, 2, 1].entries()) {
      orders.push(
        f.sim.placeOrder(shop.domain, {
          email: `buyer${i}@example.com`,
          lines: [{ variantId: boot.variantId, quantity }],
        }),
      );
      await new Promise((r) => setTimeout(r, 1_100)); // distinct created_at seconds
    }
    await f.settle();
    expect((await rows(shop.id)).map((l) => [l.status, l.backorderedQuantity])).toEqual([
      ["OPEN", 2],
      ["OPEN", 2],
      ["OPEN", 1],
    ]);

    f.sim.adjustInventory(shop.domain, boot.inventoryItemId, shop.locationId, 3);
    await f.settle();
    const after = await rows(shop.id);
    expect(after.map((l) => [l.status, l.backorderedQuantity])).toEqual([
      ["READY", 0],
      ["OPEN", 1],
      ["OPEN", 1],
    ]);
    // 5 backordered, 3 arrived: the oldest order is fully covered; the second gets 1 of its 2.
    expect(f.smtp.countTo("buyer0@example.com")).toBe(2); // confirmation + ready
    expect(f.smtp.countTo("buyer1@example.com")).toBe(1);
    expect(f.sim.getOrderTags(shop.domain, orders[0]!.id)).not.toContain("backorder");
    expect(f.sim.getOrderTags(shop.domain, orders[1]!.id)).toContain("backorder");

    // Cancelling the second order (restocking its 2 units) frees them for the third, the next oldest.
    f.sim.cancelOrder(shop.domain, orders[1]!.id, { restock: true });
    await f.settle();
    const final = await rows(shop.id);
    expect(final.map((l) => l.status)).toEqual(["READY", "CANCELLED", "READY"]);
    expect(f.smtp.countTo("buyer1@example.com")).toBe(1);
    expect(f.smtp.countTo("buyer2@example.com")).toBe(2);
    await waitFor(async () =>
      f.sim.getOrderTags(shop.domain, orders[2]!.id).includes("backorder") ? null : true,
    );

    // Fulfilling a ready line closes it; nothing more is sent.
    f.sim.fulfillOrder(shop.domain, orders[0]!.id);
    await f.settle();
    expect((await rows(shop.id))[0]!.status).toBe("FULFILLED");
    expect(f.smtp.countTo("buyer0@example.com")).toBe(2);
  }, 90_000);

  it("lines of an untracked variant never become backorders", async () => {
    const shop = await f.addShop();
    const created = f.sim.createProduct(shop.domain, {
      title: "Gift wrap",
      variants: [
        { title: "Default Title", price: "2.00", inventoryPolicy: "CONTINUE", tracked: false, inventory: 0 },
      ],
    });
    await f.sync(shop);
    f.sim.placeOrder(shop.domain, {
      email: "wrap@example.com",
      lines: [{ variantId: created.variants[0]!.id, quantity: 4 }],
    });
    await f.settle();
    expect(await rows(shop.id)).toEqual([]);
    expect(f.smtp.countTo("wrap@example.com")).toBe(0);
  }, 60_000);
});

async function deliverInOrder(deliveries: PendingDelivery[]): Promise<void> {
  for (const d of deliveries) {
    const res = await postSimDelivery(f.app.url, d);
    expect(res.status).toBe(200);
    await f.settle();
  }
}
