import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { variantStockChangedJob } from "../../web/server/queues/definitions/variant-stock-changed.ts";
import type { WebhookContext } from "../../web/server/webhooks/topic-handler-type.ts";
import { parseWebhookBody } from "../../web/server/webhooks/parse-webhook-body.ts";
import { attributeOrderConversions } from "../../web/server/restock/attribute-order-conversions.ts";
import { webhookHeaders } from "../helpers/sign.ts";
import { TEST_API_SECRET } from "../helpers/start-test-app.ts";
import { waitFor } from "../helpers/wait-for.ts";
import {
  addSubscribers,
  startAlertsFixture,
  type AlertsFixture,
  type TestShop,
  type TestVariant,
} from "./alerts-fixture.ts";

const DAY = 24 * 3600 * 1000;

describe("attribution and compliance", () => {
  let fx: AlertsFixture;
  let shop: TestShop;
  let variant: TestVariant;
  let buyer: string;
  let sentAt: Date;
  beforeAll(async () => {
    fx = await startAlertsFixture();
    shop = await fx.addShop("Attribution Shop");
    variant = await shop.addVariant({ title: "Glacier Boots", stock: 0, price: "50.00" });
    buyer = (await addSubscribers(fx.app, shop.id, variant.variantId, 1, "buyer"))[0]!;
    await fx.app.startWorker({ concurrency: 5 });
    fx.sim.setInventory(shop.domain, variant.inventoryItemId, shop.locationId, 3);
    await fx.app.deps.queues.enqueue(variantStockChangedJob, {
      shopId: shop.id,
      variantId: String(variant.variantId),
    });
    const sent = await waitFor(() =>
      fx.app.deps.db.notification.findFirst({ where: { shopId: shop.id, status: "SENT" } }),
    );
    sentAt = sent.sentAt!;
  });
  afterAll(() => fx?.close());

  const db = () => fx.app.deps.db;
  const ctx = (): WebhookContext => ({
    deps: fx.app.workerDeps,
    shop: { id: shop.id, domain: shop.domain, uninstalledAt: null, installedAt: new Date() },
    event: { id: 1n, topic: "orders/create", triggeredAt: null, receivedAt: new Date() },
  });
  // Raw JSON so the 64-bit ids go through the same lossless parse as a real delivery.
  const order = (orderId: string, createdAt: Date, email: string) =>
    parseWebhookBody(`{"id":${orderId},"email":"${email}","created_at":"${createdAt.toISOString()}","currency":"EUR",
      "line_items":[{"id":${orderId}1,"variant_id":${variant.variantId},"price":"50.00","quantity":2,"total_discount":"0.00"},
                    {"id":${orderId}2,"variant_id":9007199254740999,"price":"10.00","quantity":1}]}`);

  it.each([
    ["3 days after the email", 1, 3 * DAY],
    ["after the 7-day window", 0, 8 * DAY],
    ["before the email", 0, -3600_000],
  ])("an order %s counts %i conversion(s)", async (_name, expected, offset) => {
    const orderId = `90071992547${Math.floor(Math.random() * 9_000_000) + 1_000_000}`;
    const payload = order(orderId, new Date(sentAt.getTime() + offset), buyer.toUpperCase());
    expect(await attributeOrderConversions(ctx(), payload)).toBe(expected);
    expect(await attributeOrderConversions(ctx(), payload)).toBe(0); // replayed webhook
    const conversions = await db().conversion.findMany({
      where: { shopId: shop.id, orderId: BigInt(orderId) },
    });
    expect(conversions).toHaveLength(expected);
    if (expected)
      expect(conversions[0]).toMatchObject({
        variantId: variant.variantId,
        lineItemId: BigInt(`${orderId}1`),
      });
    if (expected) expect(conversions[0]!.revenue.toString()).toBe("100");
  });

  it("shows the merchant demand and what the alerts earned (/api, session token)", async () => {
    const token = await fx.sim.mintSessionToken({ shop: shop.domain });
    const get = async (path: string) => {
      const res = await fetch(`${fx.app.url}/api${path}`, { headers: { Authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
      return res.json();
    };
    expect(await get("/subscriptions/stats")).toEqual({
      subscriptions: { NOTIFIED: 1 },
      restockEmailsSent: 1,
      conversions: 1,
      revenue: "100",
    });
    // Nobody waits any more; the alerted variant stays findable in the Notified view.
    expect(await get("/subscriptions/demand")).toEqual({ variants: [], nextCursor: null });
    expect((await get("/subscriptions/demand?view=notified")).variants).toHaveLength(1);
    expect((await fetch(`${fx.app.url}/api/subscriptions/stats`)).status).toBe(401);
  });

  async function deliver(topic: string, payload: Record<string, unknown>, domain = shop.domain) {
    // Shopify sends 64-bit ids as bare JSON numbers; JSON.stringify cannot write one exactly.
    const body = JSON.stringify({ shop_domain: domain, ...payload }).replace(
      '"$CUSTOMER_ID"',
      "9007199254740993",
    );
    const headers = webhookHeaders({ topic, shop: domain, body, secret: TEST_API_SECRET });
    expect((await fetch(`${fx.app.url}/webhooks`, { method: "POST", headers, body })).status).toBe(200);
    return waitFor(async () => {
      const row = await db().webhookEvent.findFirst({
        where: { eventKey: { startsWith: `${headers["X-Shopify-Event-Id"]}#` } },
      });
      return row && row.status !== "RECEIVED" ? row : null;
    });
  }

  it("exports the customer's data once per request, then redacts it", async () => {
    const customer = { id: "$CUSTOMER_ID", email: buyer };
    // A guest link to their alerts page (docs/shoppers.md), and someone else's that stays.
    const expiresAt = new Date(Date.now() + DAY);
    await db().shopperAlertLink.createMany({
      data: [
        { id: crypto.randomUUID(), shopId: shop.id, email: buyer, expiresAt },
        { id: crypto.randomUUID(), shopId: shop.id, email: "someone-else@example.com", expiresAt },
      ],
    });
    const request = await deliver("customers/data_request", { customer, data_request: { id: 9999 } });
    expect(request.status).toBe("PROCESSED");
    await deliver("customers/data_request", { customer, data_request: { id: 9999 } });
    const exports = await db().dataExport.findMany({ where: { shopId: shop.id } });
    expect(exports).toHaveLength(1);
    expect(exports[0]!.subject).toBe("customer:9007199254740993");
    const payload = exports[0]!.payload as {
      subscriptions: { email: string }[];
      notifications: { kind: string }[];
      alertsLinks: { email: string }[];
    };
    expect(payload.subscriptions.map((s) => s.email)).toEqual([buyer]);
    expect(payload.notifications.map((n) => n.kind)).toEqual(["restock"]);
    expect(payload.alertsLinks.map((l) => l.email)).toEqual([buyer]);

    await db().suppression.create({ data: { shopId: shop.id, email: buyer, reason: "unsubscribed" } });
    expect((await deliver("customers/redact", { customer, orders_to_redact: [] })).status).toBe("PROCESSED");
    expect((await deliver("customers/redact", { customer, orders_to_redact: [] })).status).toBe("PROCESSED");
    const like = `%${buyer}%`;
    const [left] = await db().$queryRaw<{ n: bigint }[]>`
      select (select count(*) from "Subscription" where email = ${buyer})
           + (select count(*) from "Notification" where recipient = ${buyer} or context::text ilike ${like})
           + (select count(*) from "Suppression" where email = ${buyer})
           + (select count(*) from "ShopperAlertLink" where email = ${buyer})
           + (select count(*) from "DataExport" where payload::text ilike ${like}) as n`;
    expect(left!.n).toBe(0n);
    expect(await db().conversion.count({ where: { shopId: shop.id } })).toBe(1); // no personal data in it
    expect(await db().shopperAlertLink.count({ where: { shopId: shop.id } })).toBe(1);
  });

  it("shop/redact deletes everything of that shop and nothing of another", async () => {
    const gone = await fx.addShop("Redacted Shop");
    const v = await gone.addVariant({ title: "Old Stock", stock: 0 });
    await addSubscribers(fx.app, gone.id, v.variantId, 3, "gone");
    await db().suppression.create({ data: { shopId: gone.id, email: "x@example.com", reason: "bounced" } });
    await db().shopperAlertLink.create({
      data: { id: crypto.randomUUID(), shopId: gone.id, email: "x@example.com", expiresAt: new Date() },
    });
    const event = await deliver("shop/redact", { shop_id: 954889 }, gone.domain);
    expect(event.status).toBe("PROCESSED");
    expect(await db().shop.findUnique({ where: { id: gone.id } })).toBeNull();
    for (const model of [
      "subscription",
      "suppression",
      "variant",
      "product",
      "notification",
      "restockEvent",
      "shopperAlertLink",
    ] as const) {
      expect(
        await (db()[model] as unknown as { count(a: object): Promise<number> }).count({
          where: { shopId: gone.id },
        }),
      ).toBe(0);
    }
    expect(await db().session.count({ where: { shop: gone.domain } })).toBe(0);
    expect(await db().shop.findUnique({ where: { id: shop.id } })).not.toBeNull();
    expect(await db().variant.count({ where: { shopId: shop.id } })).toBe(1);
  });
});
