import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONTROL_TOPIC_HANDLERS } from "../../jobs/controls/control-jobs.ts";
import { SWEEP_SELLING_CONTROLS_EVERY_MS } from "../../web/server/queues/definitions/sweep-selling-controls.ts";
import { sweepSellingControls } from "../../web/server/controls/sweep-selling-controls.ts";
import {
  startBackorderFixture,
  type BackorderFixture,
  type BackorderShop,
} from "../backorders/backorder-fixture.ts";

let f: BackorderFixture;

beforeAll(async () => {
  f = await startBackorderFixture();
}, 60_000);
afterAll(async () => {
  await f?.close();
});

const simPolicy = (shop: BackorderShop, variantId: bigint) =>
  f.sim.getVariant(shop.domain, variantId)!.inventoryPolicy;
const control = (shop: BackorderShop, variantId: bigint) =>
  f.app.deps.db.variantControl.findUnique({ where: { shopId_variantId: { shopId: shop.id, variantId } } });
const order = (
  shop: BackorderShop,
  variantId: bigint,
  quantity: number,
  extra: { customerTags?: string[] } = {},
) => f.sim.placeOrder(shop.domain, { email: "wait@example.com", lines: [{ variantId, quantity }], ...extra });
/** What the theme block reads first (snippets/backorder-state.liquid): the app's `backordered` metafield. */
const backorderedFlag = (variantId: bigint) =>
  f.sim.getMetafields(`gid://shopify/ProductVariant/${variantId}`).find((m) => m.key === "backordered")
    ?.value;
const sweep = () => sweepSellingControls(f.app.workerDeps, SWEEP_SELLING_CONTROLS_EVERY_MS);
// Shopify dates products/update to the second: a merchant edit must fall in a later second than the app's.
const nextSecond = () => new Promise((r) => setTimeout(r, 1_100));

describe("backorder cap", () => {
  it("cap 3: stops selling after the 3rd backordered unit, resumes after a restock of 2", async () => {
    const shop = await f.addShop();
    const v = await f.addVariant(shop, "Capped Kettle", 0);
    await f.sync(shop);
    await f.app.deps.db.variantControl.create({
      data: { shopId: shop.id, variantId: v.variantId, backorderCap: 3 },
    });

    order(shop, v.variantId, 2);
    await f.settle();
    expect(simPolicy(shop, v.variantId)).toBe("CONTINUE");
    expect(backorderedFlag(v.variantId)).toBe("true");

    order(shop, v.variantId, 1);
    await f.settle();
    expect(simPolicy(shop, v.variantId)).toBe("DENY");
    expect(await control(shop, v.variantId)).toMatchObject({ switchedByApp: true, switchReason: "cap" });
    // Absent flag + DENY + no stock: the theme block shows it sold out (with the notify-me form).
    expect(backorderedFlag(v.variantId)).toBeUndefined();
    expect(() => order(shop, v.variantId, 1)).toThrow(/not enough stock/);

    f.sim.adjustInventory(shop.domain, v.inventoryItemId, shop.locationId, 2);
    await f.settle();
    expect(simPolicy(shop, v.variantId)).toBe("CONTINUE");
    expect(await control(shop, v.variantId)).toMatchObject({ switchedByApp: false, switchedAt: null });
    expect(backorderedFlag(v.variantId)).toBe("true");
    expect(() => order(shop, v.variantId, 1)).not.toThrow();
    await f.settle();
  }, 90_000);

  it("never flips a merchant's DENY, and a merchant's re-enable clears the app's claim", async () => {
    const shop = await f.addShop({ defaultBackorderCap: 2 });
    const v = await f.addVariant(shop, "Merchant Mug", 0);
    await f.sync(shop);
    order(shop, v.variantId, 2);
    await f.settle();
    expect(simPolicy(shop, v.variantId)).toBe("DENY");

    // The merchant sells on anyway: the app stands back while the cap is still reached.
    await nextSecond();
    f.sim.updateProduct(shop.domain, v.productId, {
      variants: [{ id: v.variantId, inventoryPolicy: "CONTINUE" }],
    });
    await f.settle();
    await sweep();
    await f.settle();
    expect(simPolicy(shop, v.variantId)).toBe("CONTINUE");
    expect(await control(shop, v.variantId)).toMatchObject({ switchedByApp: false, merchantOverride: true });

    // Then stops selling themselves; a restock below the cap must not undo their DENY.
    await nextSecond();
    f.sim.updateProduct(shop.domain, v.productId, {
      variants: [{ id: v.variantId, inventoryPolicy: "DENY" }],
    });
    await f.settle();
    f.sim.adjustInventory(shop.domain, v.inventoryItemId, shop.locationId, 2);
    await f.settle();
    await sweep();
    await f.settle();
    expect(simPolicy(shop, v.variantId)).toBe("DENY");
    expect(await control(shop, v.variantId)).toMatchObject({ switchedByApp: false, merchantOverride: false });
  }, 90_000);

  it("products/update releases a claim only when newer than the app's switch and showing CONTINUE", async () => {
    const shop = await f.addShop();
    const variantId = 2n ** 60n + 7n;
    const switchedAt = new Date("2026-12-01T10:00:00Z");
    await f.app.deps.db.variantControl.create({
      data: { shopId: shop.id, variantId, switchedByApp: true, switchedAt, switchReason: "cap" },
    });
    const handler = CONTROL_TOPIC_HANDLERS["products/update"]!;
    const deliver = (updatedAt: string, policy: string) =>
      handler(
        {
          deps: f.app.workerDeps,
          shop: { id: shop.id, domain: shop.domain, uninstalledAt: null, installedAt: new Date() },
          event: { id: 1n, topic: "products/update", triggeredAt: null, receivedAt: new Date() },
        } as never,
        { id: 2n ** 60n, updated_at: updatedAt, variants: [{ id: variantId, inventory_policy: policy }] },
      );
    await deliver("2026-12-01T10:00:00Z", "continue"); // the switch's own second: not newer
    await deliver("2026-12-01T11:00:00Z", "deny");
    expect(await control(shop, variantId)).toMatchObject({ switchedByApp: true });
    await deliver("2026-12-01T11:00:00Z", "continue");
    expect(await control(shop, variantId)).toMatchObject({ switchedByApp: false, merchantOverride: true });
    await f.settle();
  }, 30_000);
});

describe("selling window (injected clock)", () => {
  it("closes before the window, opens on time, closes again at the end", async () => {
    const shop = await f.addShop();
    const v = await f.addVariant(shop, "Seasonal Sled", 0);
    await f.sync(shop);
    const opens = new Date("2030-01-10T09:00:00Z");
    const closes = new Date("2030-01-20T09:00:00Z");
    await f.app.deps.db.variantControl.create({
      data: { shopId: shop.id, variantId: v.variantId, windowStartsAt: opens, windowEndsAt: closes },
    });
    const realNow = f.app.workerDeps.now;
    let clock = new Date("2030-01-09T12:00:00Z");
    f.app.workerDeps.now = () => clock;
    try {
      await sweep();
      await f.settle();
      expect(simPolicy(shop, v.variantId)).toBe("DENY");
      expect(() => order(shop, v.variantId, 1)).toThrow(/not enough stock/);

      clock = new Date(opens.getTime() - 1_000);
      await sweep();
      await f.settle();
      expect(simPolicy(shop, v.variantId)).toBe("DENY");

      clock = opens;
      await sweep();
      await f.settle();
      expect(simPolicy(shop, v.variantId)).toBe("CONTINUE");
      order(shop, v.variantId, 1);
      await f.settle();

      clock = closes;
      await sweep();
      await f.settle();
      expect(simPolicy(shop, v.variantId)).toBe("DENY");
      expect(await control(shop, v.variantId)).toMatchObject({ switchedByApp: true, switchReason: "window" });
    } finally {
      f.app.workerDeps.now = realNow;
    }
  }, 90_000);
});

describe("priority classes", () => {
  it("serves a VIP order placed later before an older regular order when stock arrives", async () => {
    const shop = await f.addShop({ priorityEnabled: true, priorityCustomerTags: ["VIP"] });
    const v = await f.addVariant(shop, "Limited Lamp", 0);
    await f.sync(shop);
    const regular = order(shop, v.variantId, 1);
    await f.settle();
    const vip = order(shop, v.variantId, 1, { customerTags: ["vip"] });
    await f.settle();
    const lines = () =>
      f.app.deps.db.backorderLine.findMany({ where: { shopId: shop.id }, orderBy: { placedAt: "asc" } });
    expect((await lines()).map((l) => [l.orderId, l.status])).toEqual([
      [regular.id, "OPEN"],
      [vip.id, "OPEN"],
    ]);

    f.sim.adjustInventory(shop.domain, v.inventoryItemId, shop.locationId, 1);
    await f.settle();
    expect((await lines()).map((l) => [l.orderId, l.status])).toEqual([
      [regular.id, "OPEN"],
      [vip.id, "READY"],
    ]);
  }, 90_000);
});
