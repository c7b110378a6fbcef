import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyEtaChanges } from "../../web/server/etas/apply-eta-changes.ts";
import { createEndpoint } from "../../web/server/integrations/outgoing/webhook-endpoints.ts";
import { INTEGRATION_EVENT_TYPES } from "../../web/server/integrations/events/integration-event-types.ts";
import { createSubscription } from "../../web/server/subscriptions/create-subscription.ts";
import { startBackorderFixture, type BackorderFixture } from "../backorders/backorder-fixture.ts";
import { futureDate } from "../helpers/future-date.ts";
import { TEST_API_SECRET } from "../helpers/start-test-app.ts";
import { webhookHeaders } from "../helpers/sign.ts";
import { waitFor } from "../helpers/wait-for.ts";
import { startWebhookReceiver } from "./webhook-receiver.ts";

type Event = { type: string; data: Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any

// Every place that emits an event, driven the real way (orders and stock through the simulator's
// webhooks, links through the app's routes), received by one endpoint listening to all of them.
describe("integration events from the app's own paths", () => {
  let f: BackorderFixture;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  const events = () => receiver.received.map((r) => JSON.parse(r.body) as Event);
  const ofType = (type: string) => events().filter((e) => e.type === type);
  beforeAll(async () => {
    f = await startBackorderFixture();
    receiver = await startWebhookReceiver();
  }, 60_000);
  afterAll(async () => {
    await f?.close();
    await receiver?.close();
  });

  it("backorder created and ready, signup, back in stock, ETA changed, confirm, unsubscribe, redact", async () => {
    const db = f.app.deps.db;
    const shop = await f.addShop({ doubleOptIn: false });
    const eta = futureDate(30).iso;
    const lamp = await f.addVariant(shop, "Desk Lamp", 0, eta);
    await f.sync(shop);
    await createEndpoint(f.app.deps, shop.id, {
      url: `${receiver.url}/all`,
      description: "",
      events: [...INTEGRATION_EVENT_TYPES],
    });

    const order = f.sim.placeOrder(shop.domain, {
      email: "Ada@Example.com",
      lines: [{ variantId: lamp.variantId, quantity: 2 }],
    });
    await f.settle();
    const [created] = await waitFor(async () =>
      ofType("backorder.created").length ? ofType("backorder.created") : null,
    );
    expect(created!.data).toMatchObject({
      order: { id: String(order.id), customerEmail: "Ada@Example.com" },
      line: { id: String(order.lineItems[0]!.id), quantity: 2 },
      variant: { id: String(lamp.variantId), productTitle: "Desk Lamp" },
      units: 2,
      eta,
    });

    await createSubscription(
      f.app.deps,
      shop.id,
      {
        email: "waiter@example.com",
        variantId: lamp.variantId,
        locale: "en",
        marketingConsent: true,
        customerId: null,
      },
      new Date(),
    );
    await waitFor(async () => (ofType("subscription.created").length ? true : null));

    f.sim.adjustInventory(shop.domain, lamp.inventoryItemId, shop.locationId, 5);
    await f.settle();
    const [ready] = await waitFor(async () =>
      ofType("backorder.ready").length ? ofType("backorder.ready") : null,
    );
    expect(ready!.data).toMatchObject({ order: { id: String(order.id) }, units: 0 });
    const [back] = await waitFor(async () =>
      ofType("variant.back_in_stock").length ? ofType("variant.back_in_stock") : null,
    );
    expect(back!.data).toMatchObject({
      variant: { id: String(lamp.variantId) },
      available: 3,
      subscribersWaiting: 1,
    });
    // The restock email to the waiting subscriber went out: integrations hear it once.
    const [alerted] = await waitFor(async () => (ofType("alert.sent").length ? ofType("alert.sent") : null));
    expect(alerted!.data).toMatchObject({
      alert: { kind: "back_in_stock", wave: expect.any(Number) },
      subscription: { email: "waiter@example.com" },
      variant: { id: String(lamp.variantId), productTitle: "Desk Lamp" },
    });

    const later = futureDate(50).iso;
    await applyEtaChanges(
      f.app.deps,
      shop.id,
      [{ variantId: lamp.variantId, eta: later, message: "Ships from Lyon" }],
      "manual",
      new Date(),
    );
    await f.settle();
    const [moved] = await waitFor(async () => (ofType("eta.changed").length ? ofType("eta.changed") : null));
    expect(moved!.data).toMatchObject({
      variant: { id: String(lamp.variantId) },
      eta: later,
      message: "Ships from Lyon",
    });

    // Double opt-in signup, confirmed and then ended through the customer's links.
    await db.shopSettings.update({ where: { shopId: shop.id }, data: { doubleOptIn: true } });
    await createSubscription(
      f.app.deps,
      shop.id,
      {
        email: "linker@example.com",
        variantId: lamp.variantId,
        locale: "en",
        marketingConsent: false,
        customerId: null,
      },
      new Date(),
    );
    const sub = await db.subscription.findFirstOrThrow({
      where: { shopId: shop.id, email: "linker@example.com" },
    });
    for (const path of [
      `/subscriptions/confirm/${sub.confirmToken}`,
      `/unsubscribe/${sub.unsubscribeToken}`,
      `/unsubscribe/${sub.unsubscribeToken}`,
    ]) {
      const res = await fetch(`${f.app.url}${path}`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "",
      });
      expect(res.status, path).toBe(200);
    }
    await waitFor(async () => (ofType("subscription.unsubscribed").length ? true : null));
    await f.settle();
    expect(ofType("subscription.confirmed").map((e) => e.data.subscription.email)).toEqual([
      "linker@example.com",
    ]);
    expect(ofType("subscription.unsubscribed")).toHaveLength(1); // the second click is the same event
    expect(ofType("backorder.created")).toHaveLength(1);
    expect(ofType("alert.sent")).toHaveLength(1);
    expect(new Set(events().map((e) => e.type))).toEqual(new Set(INTEGRATION_EVENT_TYPES));

    // customers/data_request lists the events that name the customer and where each went.
    const requestBody = JSON.stringify({
      shop_domain: shop.domain,
      customer: { email: "ada@example.com" },
      orders_requested: [Number(order.id)],
      data_request: { id: 7101 },
    });
    const requestHeaders = webhookHeaders({
      topic: "customers/data_request",
      shop: shop.domain,
      body: requestBody,
      secret: TEST_API_SECRET,
    });
    const requested = await fetch(`${f.app.url}/webhooks`, {
      method: "POST",
      headers: requestHeaders,
      body: requestBody,
    });
    expect(requested.status).toBe(200);
    const dataExport = await waitFor(() =>
      db.dataExport.findFirst({ where: { shopId: shop.id, kind: "customers/data_request" } }),
    );
    const exported = (dataExport.payload as { integrationEvents: Record<string, any>[] }).integrationEvents; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(exported.map((e) => e.type).sort()).toEqual(["backorder.created", "backorder.ready"]);
    for (const event of exported) {
      expect(event.data.order.customerEmail).toBe("Ada@Example.com");
      expect(event.webhookDeliveries).toEqual([
        expect.objectContaining({ endpoint: `${receiver.url}/all`, status: "SUCCEEDED" }),
      ]);
    }

    // customers/redact removes the events (and their delivery logs) that name the customer.
    expect(await db.integrationEvent.count({ where: { shopId: shop.id, email: "ada@example.com" } })).toBe(2);
    const body = JSON.stringify({
      shop_domain: shop.domain,
      customer: { email: "ada@example.com" },
      orders_to_redact: [Number(order.id)],
    });
    const headers = webhookHeaders({
      topic: "customers/redact",
      shop: shop.domain,
      body,
      secret: TEST_API_SECRET,
    });
    expect((await fetch(`${f.app.url}/webhooks`, { method: "POST", headers, body })).status).toBe(200);
    await waitFor(async () =>
      (await db.integrationEvent.count({ where: { shopId: shop.id, email: "ada@example.com" } })) === 0
        ? true
        : null,
    );
    const left = await db.$queryRaw<
      { n: bigint }[]
    >`select count(*) as n from "IntegrationEvent" where payload::text ilike '%ada@example.com%'`;
    expect(left[0]!.n).toBe(0n);
    expect(await db.integrationEvent.count({ where: { shopId: shop.id, email: "waiter@example.com" } })).toBe(
      2, // signed up, alerted
    );
  }, 120_000);
});
