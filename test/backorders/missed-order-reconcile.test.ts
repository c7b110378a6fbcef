// Shopify gives up on a webhook after its retries, and tells apps to reconcile. An order whose
// orders/* deliveries were all lost must still be backordered, tagged and confirmed by email,
// from reconciliation alone; the late webhook (or a second run) must then change nothing.
import { messageText } from "../helpers/smtp-catcher.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  startDueReconciliations,
  startOrderReconciliation,
} from "../../web/server/reconcile/start-order-reconciliation.ts";
import { waitFor } from "../helpers/wait-for.ts";
import { startBackorderFixture, type BackorderFixture, type BackorderShop } from "./backorder-fixture.ts";
import { asWord, futureDate } from "../helpers/future-date.ts";

let f: BackorderFixture;

beforeAll(async () => {
  f = await startBackorderFixture();
}, 60_000);
afterAll(async () => {
  await f?.close();
});

type Reconciliation = {
  status: string;
  trigger: string | null;
  ordersRead: number;
  ordersProcessed: number;
  ordersRecovered: number;
  reconciledThrough: string | null;
};

async function api(shop: BackorderShop, path: string, method = "GET"): Promise<Response> {
  const token = await f.sim.mintSessionToken({ shop: shop.domain });
  return fetch(`${f.app.url}/api${path}`, { method, headers: { Authorization: `Bearer ${token}` } });
}

/** "Sync now" through the admin API, then the progress polled as the admin does, to the end. */
async function syncNow(shop: BackorderShop): Promise<Reconciliation> {
  const res = await api(shop, "/reconciliation/sync", "POST");
  expect(res.status).toBe(202);
  const done = await waitFor(async () => {
    const body = (await (await api(shop, "/reconciliation")).json()) as { reconciliation: Reconciliation };
    if (body.reconciliation.status === "FAILED") throw new Error("reconciliation failed");
    return body.reconciliation.status === "DONE" ? body.reconciliation : null;
  }, 30_000);
  await f.settle();
  return done;
}

const backorderRows = (shop: BackorderShop) =>
  f.app.deps.db.backorderLine.findMany({ where: { shopId: shop.id } });

describe("missed orders are recovered by reconciliation", () => {
  it("an order whose webhooks were all dropped is backordered, tagged and emailed once", async () => {
    const shop = await f.addShop();
    const lanternEta = futureDate(12);
    const lantern = await f.addVariant(shop, "Storm Lantern", 1, lanternEta.iso);
    await f.sync(shop);

    // Shopify never delivers this order's orders/create (its stock webhook does arrive).
    f.sim.webhooks.drop({ shop: shop.domain, topic: "orders/create", count: 1 });
    const order = f.sim.placeOrder(shop.domain, {
      email: "mira@example.com",
      lines: [{ variantId: lantern.variantId, quantity: 3 }],
    });
    await f.settle();
    const [lost] = f.sim.webhooks.dropped().filter((d) => d.orderId === String(order.id));
    expect(lost?.topic).toBe("orders/create");
    expect(await backorderRows(shop)).toEqual([]);
    expect(f.smtp.countTo("mira@example.com")).toBe(0);

    const run = await syncNow(shop);
    expect(run).toMatchObject({ trigger: "manual", ordersRead: 1, ordersProcessed: 1, ordersRecovered: 1 });
    expect(Date.parse(run.reconciledThrough!)).toBeGreaterThanOrEqual(order.updatedAt.getTime() - 1000);

    const [line] = await backorderRows(shop);
    expect(line).toMatchObject({ orderId: order.id, status: "OPEN", quantity: 3, backorderedQuantity: 2 });
    expect(f.sim.getOrderTags(shop.domain, order.id)).toEqual(["backorder"]);
    const mails = f.smtp.messages.filter((m) => m.to.includes("mira@example.com"));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe(`Your order ${order.name}: some items are on backorder`);
    const body = messageText(mails[0]!.raw);
    expect(body).toContain("Storm Lantern");
    expect(body).toMatch(asWord(lanternEta.email));

    // The lost delivery turns up after all: processed, and nothing doubles.
    f.sim.webhooks.deliverLate(lost!.webhookId);
    await f.settle();
    const late = await f.app.deps.db.webhookEvent.findMany({
      where: { shopDomain: shop.domain, topic: "orders/create" },
    });
    expect(late.map((e) => e.status)).toEqual(["PROCESSED"]);
    expect(await backorderRows(shop)).toHaveLength(1);
    expect((await backorderRows(shop))[0]).toMatchObject({ status: "OPEN", backorderedQuantity: 2 });
    expect(f.sim.getOrderTags(shop.domain, order.id)).toEqual(["backorder"]);
    expect(f.smtp.countTo("mira@example.com")).toBe(1);

    // A second run reads the order again (the overlap) and has nothing to recover.
    const again = await syncNow(shop);
    expect(again.ordersRecovered).toBe(0);
    expect(again.ordersRead).toBeGreaterThanOrEqual(1);
    expect(await backorderRows(shop)).toHaveLength(1);
    expect(f.smtp.countTo("mira@example.com")).toBe(1);
  }, 90_000);

  it("a cancellation that never arrived is recovered: the backorder is closed", async () => {
    const shop = await f.addShop();
    const kettle = await f.addVariant(shop, "Copper Kettle", 0, futureDate(14).iso);
    await f.sync(shop);
    const order = f.sim.placeOrder(shop.domain, {
      email: "otto@example.com",
      lines: [{ variantId: kettle.variantId, quantity: 1 }],
    });
    await f.settle();
    expect((await backorderRows(shop))[0]).toMatchObject({ status: "OPEN", backorderedQuantity: 1 });

    f.sim.webhooks.drop({ orderId: String(order.id) });
    f.sim.cancelOrder(shop.domain, order.id, { restock: false });
    await f.settle();
    f.sim.webhooks.clearDropRules();
    expect((await backorderRows(shop))[0]!.status).toBe("OPEN");

    const run = await syncNow(shop);
    expect(run.ordersRecovered).toBe(1);
    expect((await backorderRows(shop))[0]).toMatchObject({ status: "CANCELLED" });
    expect(f.sim.getOrderTags(shop.domain, order.id)).not.toContain("backorder");
  }, 90_000);

  it("the schedule starts a run once the shop's interval has passed, and never two at once", async () => {
    const shop = await f.addShop({ orderReconcileMinutes: 10 });
    const deps = { db: f.app.deps.db, queues: f.app.deps.queues };
    const startedFor = async (now: Date) => {
      await startDueReconciliations(deps, now);
      return f.app.deps.db.orderReconciliation.findUnique({ where: { shopId: shop.id } });
    };
    const t0 = new Date();
    const first = await startedFor(t0);
    expect(first).toMatchObject({ trigger: "scheduled" });
    // A click while it runs follows the same run.
    const click = await startOrderReconciliation(deps, shop.id, "manual", t0);
    expect(click).toEqual({ runId: first!.runId, started: false });
    await f.settle();
    expect((await startedFor(t0))!.status).toBe("DONE");
    // 9 minutes later: not due; 10 minutes later: a new run.
    expect((await startedFor(new Date(t0.getTime() + 9 * 60_000)))!.runId).toBe(first!.runId);
    const next = await startedFor(new Date(t0.getTime() + 10 * 60_000));
    expect(next!.runId).not.toBe(first!.runId);
    await f.settle();
    // An uninstalled shop is never due.
    await f.app.deps.db.shop.update({ where: { id: shop.id }, data: { uninstalledAt: new Date() } });
    expect((await startedFor(new Date(t0.getTime() + 60 * 60_000)))!.runId).toBe(next!.runId);
  }, 60_000);
});
