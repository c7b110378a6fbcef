// One path: an order read back by reconciliation must reach the orders/* handlers as the same
// order its webhook carries. The simulator's webhook body and the app's reading of the Admin API
// (paged, an order of more lines than a page completed) must parse to the same snapshot.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseWebhookBody } from "../../web/server/webhooks/parse-webhook-body.ts";
import { createSimulator, type Simulator } from "../../simulator/create-simulator.ts";
import { adminGraphql } from "../../simulator/test-support/admin-graphql.ts";
import { createWebhookReceiver } from "../../simulator/test-support/create-webhook-receiver.ts";
import { parseOrderPayload } from "../../web/server/backorders/parse-order-payload.ts";
import { readUpdatedOrders, type ReadOrder } from "../../web/server/reconcile/read-updated-orders.ts";
import { toOrderWebhookPayload } from "../../web/server/reconcile/to-order-webhook-payload.ts";
import type { AdminClient } from "../../web/server/shopify/admin/create-admin-client.ts";

describe("an order read back by reconciliation", () => {
  let sim: Simulator;
  let receiver: Awaited<ReturnType<typeof createWebhookReceiver>>;
  let client: AdminClient;
  let shop: string;
  let requests = 0;

  beforeAll(async () => {
    receiver = await createWebhookReceiver();
    // This test reads the payloads, not the throttle (the reconciliation tests cover that): a bucket
    // deep enough for its three reads, whatever the machine's speed.
    sim = await createSimulator({
      apiKey: "k",
      apiSecret: "s",
      appUrl: receiver.url,
      bucket: { maximumAvailable: 10_000, restoreRate: 1_000 },
    });
    shop = sim.createShop({ name: "Payload shop", ianaTimezone: "Europe/Paris" }).domain;
    const token = sim.issueAccessToken(shop);
    client = {
      shopDomain: shop,
      async request<T>(document: string, variables?: Record<string, unknown>) {
        requests += 1;
        const { body } = await adminGraphql(sim, token, document, variables);
        expect(body.errors).toBeUndefined();
        // The 1,000-point cap on a single query's requested cost.
        expect(body.extensions!.cost.requestedQueryCost).toBeLessThanOrEqual(1000);
        return body.data as T;
      },
    };
  });
  afterAll(async () => {
    await sim.close();
    await receiver.close();
  });

  it("parses to the snapshot its webhook gives, for every kind of line, across pages", async () => {
    const { variants } = sim.createProduct(shop, {
      title: "Tile",
      variants: Array.from({ length: 13 }, (_, i) => ({
        title: `Colour ${i}`,
        sku: `TILE-${i}`,
        price: `${i + 1}.50`,
        inventoryPolicy: "CONTINUE" as const,
        inventory: i,
        tracked: i !== 3,
      })),
    });
    const from = new Date(Date.now() - 60_000);
    const orders: ReturnType<Simulator["placeOrder"]>[] = [];
    for (let i = 0; i < 12; i++) {
      orders.push(
        sim.placeOrder(shop, {
          email: `buyer${i}@example.com`,
          customerTags: ["vip"],
          locale: "fr",
          tags: i === 0 ? ["gift", "rush"] : [],
          lines: [{ variantId: variants[i % 13]!.id, quantity: 2 }],
        }),
      );
    }
    // One order of 13 lines (more than a page of lines), partly fulfilled; one cancelled.
    const big = sim.placeOrder(shop, {
      email: "big@example.com",
      lines: variants.map((v) => ({ variantId: v.id, quantity: 3 })),
    });
    sim.fulfillOrder(shop, big.id, [{ lineItemId: big.lineItems[12]!.id, quantity: 2 }]);
    sim.cancelOrder(shop, orders[1]!.id, { restock: false });
    await sim.waitForDeliveries();

    requests = 0;
    const read: ReadOrder[] = [];
    for await (const page of readUpdatedOrders(client, from)) read.push(...page);
    // 13 orders, 10 a page: two pages, and one more read for the big order's last 3 lines.
    expect(read).toHaveLength(13);
    expect(requests).toBe(3);

    // The newest webhook of each order is what the app would hold.
    const latestBody = new Map<string, string>();
    for (const hook of receiver.received.filter((h) =>
      String(h.headers["x-shopify-topic"]).startsWith("orders/"),
    ))
      latestBody.set(String((parseWebhookBody(hook.rawBody) as { id: bigint }).id), hook.rawBody);
    for (const { order, lines } of read) {
      const fromApi = parseOrderPayload(toOrderWebhookPayload(order, lines));
      const fromWebhook = parseOrderPayload(parseWebhookBody(latestBody.get(String(fromApi.orderId))!));
      expect(fromApi).toEqual(fromWebhook);
    }
    const bigRead = read.find((r) => r.order.name === big.name)!;
    const bigSnapshot = parseOrderPayload(toOrderWebhookPayload(bigRead.order, bigRead.lines));
    expect(bigSnapshot.lines).toHaveLength(13);
    expect(bigSnapshot.lines[12]).toMatchObject({ quantity: 3, openQuantity: 1 });
    expect(bigSnapshot.lines[3]!.tracked).toBe(false);
    const cancelled = read.find((r) => r.order.name === orders[1]!.name)!;
    expect(
      parseOrderPayload(toOrderWebhookPayload(cancelled.order, cancelled.lines)).lines[0]!.openQuantity,
    ).toBe(0);
  });
});
