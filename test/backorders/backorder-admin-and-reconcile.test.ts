import { messageText } from "../helpers/smtp-catcher.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reconcileShopJob } from "../../web/server/queues/definitions/reconcile-backorders.ts";
import { notifyEtaChangedForVariants } from "../../web/server/backorders/notify-eta-changed.ts";
import {
  shopApi,
  startBackorderFixture,
  type BackorderFixture,
  type BackorderShop,
} from "./backorder-fixture.ts";
import { asWord, futureDate, pastDate } from "../helpers/future-date.ts";

// An ETA already past (so every open line is overdue), one ahead, and where it moves to.
const LAMP_ETA = pastDate(5);
const OAK_ETA = futureDate(20);
const OAK_MOVED_ETA = futureDate(60);

let f: BackorderFixture;

beforeAll(async () => {
  f = await startBackorderFixture();
}, 60_000);
afterAll(async () => {
  await f?.close();
});

const api = (shop: BackorderShop, path: string) => shopApi(f, shop, path);

async function reconcile(shop: BackorderShop): Promise<void> {
  await f.app.deps.queues.enqueue(
    reconcileShopJob,
    { shopId: shop.id },
    { jobId: `test-reconcile-${shop.id}-${Date.now()}` },
  );
  await f.settle();
}

describe("admin API over the ledger", () => {
  it("lists with filters, sorting and pages; metrics; CSV export", async () => {
    const shop = await f.addShop();
    const lamp = await f.addVariant(shop, "Brass Lamp", 1, LAMP_ETA.iso);
    await f.sync(shop);
    for (const i of [0, 1, 2]) {
      f.sim.placeOrder(shop.domain, {
        email: `lamp${i}@example.com`,
        lines: [{ variantId: lamp.variantId, quantity: 2 }],
      });
    }
    await f.settle();

    const page = await api(shop, "/backorders?status=OPEN&sort=placedAt&direction=asc&pageSize=2&page=1");
    expect(page.status).toBe(200);
    const body = (await page.json()) as {
      total: number;
      items: { orderName: string; backorderedQuantity: number; etaCurrent: string }[];
    };
    expect(body.total).toBe(3);
    expect(body.items.map((i) => [i.orderName, i.backorderedQuantity, i.etaCurrent])).toEqual([
      ["#1001", 1, LAMP_ETA.iso],
      ["#1002", 2, LAMP_ETA.iso],
    ]);
    const overdue = (await (await api(shop, "/backorders?overdue=true")).json()) as { total: number };
    expect(overdue.total).toBe(3);
    expect((await api(shop, "/backorders?status=NOPE")).status).toBe(400);

    const metrics = (await (await api(shop, "/backorders/metrics")).json()) as Record<string, unknown>;
    expect(metrics).toMatchObject({ openLines: 3, openUnits: 5, openOrders: 3, backorderRate: 1 });
    expect(metrics.unitsByVariant).toEqual([{ variantId: String(lamp.variantId), units: 5 }]);

    const csv = await api(shop, "/backorders/export.csv?sort=placedAt&direction=asc");
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    const rows = (await csv.text()).trim().split("\r\n");
    expect(rows).toHaveLength(4);
    expect(rows[1]).toMatch(
      new RegExp(`^#1001,\\d+,\\d+,Brass Lamp,Default Title,,\\d+,OPEN,2,1,${LAMP_ETA.iso},${LAMP_ETA.iso},`),
    );
  }, 60_000);
});

describe("reconciliation and ETA changes", () => {
  it("a missed inventory webhook is corrected by the reconciliation job", async () => {
    const shop = await f.addShop();
    const vase = await f.addVariant(shop, "Stoneware Vase", 0);
    await f.sync(shop);
    f.sim.placeOrder(shop.domain, {
      email: "vase@example.com",
      lines: [{ variantId: vase.variantId, quantity: 2 }],
    });
    await f.settle();
    f.sim.webhooks.pause();
    f.sim.setInventory(shop.domain, vase.inventoryItemId, shop.locationId, 5); // never delivered (yet)
    await reconcile(shop);
    const [line] = await f.app.deps.db.backorderLine.findMany({ where: { shopId: shop.id } });
    expect(line).toMatchObject({ status: "READY", backorderedQuantity: 0 });
    expect(f.smtp.countTo("vase@example.com")).toBe(2);

    // The late webhook says what the Admin API said: nothing changes, nothing is sent again.
    f.sim.webhooks.resume();
    await f.settle();
    expect((await f.app.deps.db.backorderLine.findMany({ where: { shopId: shop.id } }))[0]!.status).toBe(
      "READY",
    );
    expect(f.smtp.countTo("vase@example.com")).toBe(2);
  }, 60_000);

  it("moving the ETA of two variants of one order sends one eta_changed email", async () => {
    const shop = await f.addShop();
    const chair = await f.addVariant(shop, "Oak Chair", 0, OAK_ETA.iso);
    const table = await f.addVariant(shop, "Oak Table", 0, OAK_ETA.iso);
    await f.sync(shop);
    f.sim.placeOrder(shop.domain, {
      email: "oak@example.com",
      lines: [
        { variantId: chair.variantId, quantity: 1 },
        { variantId: table.variantId, quantity: 1 },
      ],
    });
    await f.settle();
    // One checkout's inventory webhooks share an event id in the simulator; a re-read makes
    // sure both variants' stock is known whatever the ingress kept.
    await reconcile(shop);
    expect(await f.app.deps.db.backorderLine.count({ where: { shopId: shop.id, status: "OPEN" } })).toBe(2);
    expect(f.smtp.countTo("oak@example.com")).toBe(1);

    const db = f.app.deps.db;
    await db.variantEta.updateMany({
      where: { shopId: shop.id },
      data: { etaDate: new Date(`${OAK_MOVED_ETA.iso}T00:00:00Z`) },
    });
    const orders = await notifyEtaChangedForVariants(f.app.workerDeps, shop.id, [
      chair.variantId,
      table.variantId,
    ]);
    expect(orders).toBe(1);
    await f.settle();
    const etaMails = f.smtp.messages.filter((m) => m.to.includes("oak@example.com")).slice(1);
    expect(etaMails).toHaveLength(1);
    const text = messageText(etaMails[0]!.raw);
    expect(text).toMatch(asWord(OAK_MOVED_ETA.email));
    expect(text).toMatch(asWord(OAK_ETA.email));
    // Same ETA again: nothing to tell.
    await notifyEtaChangedForVariants(f.app.workerDeps, shop.id, [chair.variantId, table.variantId]);
    await f.settle();
    expect(f.smtp.countTo("oak@example.com")).toBe(2);
  }, 60_000);
});
