import { messageText } from "../helpers/smtp-catcher.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { variantStockChangedJob } from "../../web/server/queues/definitions/variant-stock-changed.ts";
import { attributeOrderConversions } from "../../web/server/restock/attribute-order-conversions.ts";
import { sweepRestock } from "../../web/server/restock/sweep-restock.ts";
import { parseWebhookBody } from "../../web/server/webhooks/parse-webhook-body.ts";
import type { WebhookContext } from "../../web/server/webhooks/topic-handler-type.ts";
import { waitFor } from "../helpers/wait-for.ts";
import {
  addSubscribers,
  startAlertsFixture,
  type AlertsFixture,
  type TestShop,
  type TestVariant,
} from "./alerts-fixture.ts";

describe("reminders that check stock", () => {
  let fx: AlertsFixture;
  let shop: TestShop;
  beforeAll(async () => {
    fx = await startAlertsFixture();
    shop = await fx.addShop("Reminder Shop", { reminderAfterHours: 24 });
    await fx.app.startWorker({ concurrency: 5 });
  });
  afterAll(() => fx?.close());

  const db = () => fx.app.deps.db;
  const reminders = (recipient: string) =>
    db().notification.findMany({ where: { kind: "restock_reminder", recipient } });

  /** A sold-out variant with subscribers, restocked through the simulator until every alert is SENT. */
  async function restocked(title: string, prefix: string, count: number) {
    const variant = await shop.addVariant({ title, stock: 0, price: "50.00" });
    const emails = await addSubscribers(fx.app, shop.id, variant.variantId, count, prefix);
    fx.sim.setInventory(shop.domain, variant.inventoryItemId, shop.locationId, 5);
    await fx.app.deps.queues.enqueue(variantStockChangedJob, {
      shopId: shop.id,
      variantId: String(variant.variantId),
    });
    await waitFor(async () =>
      (await db().notification.count({
        where: { recipient: { in: emails }, kind: "restock", status: "SENT" },
      })) === count
        ? true
        : null,
    );
    return { variant, emails };
  }

  // The handler orders/create runs (RESTOCK_TOPIC_HANDLERS), with a payload as Shopify sends it.
  async function order(variant: TestVariant, email: string) {
    const ctx: WebhookContext = {
      deps: fx.app.workerDeps,
      shop: { id: shop.id, domain: shop.domain, uninstalledAt: null, installedAt: new Date() },
      event: { id: 1n, topic: "orders/create", triggeredAt: null, receivedAt: new Date() },
    };
    const orderId = `90071992547${Math.floor(Math.random() * 9_000_000) + 1_000_000}`;
    const payload =
      parseWebhookBody(`{"id":${orderId},"email":"${email}","created_at":"${fx.clock.now.toISOString()}",
      "currency":"EUR","line_items":[{"id":${orderId}1,"variant_id":${variant.variantId},"price":"50.00","quantity":1}]}`);
    expect(await attributeOrderConversions(ctx, payload)).toBe(1);
  }

  it("reminds a non-buyer once, after the set hours and while in stock; a buyer gets none", async () => {
    const { variant, emails } = await restocked("Glacier Boots", "rem", 2);
    const [buyer, browser] = emails as [string, string];
    fx.clock.advanceMinutes(60);
    await order(variant, buyer);

    expect((await sweepRestock(fx.app.workerDeps)).reminders).toBe(0); // not 24 hours yet
    fx.clock.advanceMinutes(24 * 60);
    expect((await sweepRestock(fx.app.workerDeps)).reminders).toBe(1);

    const mail = await waitFor(
      async () =>
        fx.smtp.messages.find((m) => m.to.includes(browser) && m.subject?.startsWith("Still")) ?? null,
    );
    expect(mail.subject).toBe("Still in stock: Glacier Boots");
    expect(messageText(mail.raw)).toContain("/apps/backorder/alerts"); // the shopper page
    expect(mail.headers).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
    await waitFor(async () => ((await reminders(browser))[0]?.status === "SENT" ? true : null));

    // Once per alert: later runs add nothing; the buyer has their restock email only.
    expect((await sweepRestock(fx.app.workerDeps)).reminders).toBe(0);
    fx.clock.advanceMinutes(60);
    expect((await sweepRestock(fx.app.workerDeps)).reminders).toBe(0);
    expect(await reminders(browser)).toHaveLength(1);
    expect(await reminders(buyer)).toHaveLength(0);
    expect(fx.smtp.countTo(buyer)).toBe(1);
    expect(fx.smtp.countTo(browser)).toBe(2);
  });

  it("reminds nobody once the stock is gone", async () => {
    const { variant, emails } = await restocked("Summit Gloves", "gone", 2);
    fx.sim.setInventory(shop.domain, variant.inventoryItemId, shop.locationId, 0);
    fx.clock.advanceMinutes(25 * 60);
    expect((await sweepRestock(fx.app.workerDeps)).reminders).toBe(0);
    for (const email of emails) {
      const rows = await reminders(email);
      expect(rows).toMatchObject([{ status: "SUPPRESSED", lastError: "out of stock" }]);
    }
    // Decided once: back in stock later, these alerts still get no reminder.
    fx.sim.setInventory(shop.domain, variant.inventoryItemId, shop.locationId, 4);
    fx.clock.advanceMinutes(60);
    expect((await sweepRestock(fx.app.workerDeps)).reminders).toBe(0);
    await new Promise((r) => setTimeout(r, 500));
    for (const email of emails) expect(fx.smtp.countTo(email)).toBe(1);
  });
});
