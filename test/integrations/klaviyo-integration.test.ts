import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emitAlertsSent } from "../../web/server/integrations/events/alert-events.ts";
import { createSubscription } from "../../web/server/subscriptions/create-subscription.ts";
import { createSimulator, type Simulator } from "../../simulator/create-simulator.ts";
import { startTestApp, TEST_API_KEY, TEST_API_SECRET, type TestApp } from "../helpers/start-test-app.ts";
import { waitFor } from "../helpers/wait-for.ts";
import { startKlaviyoFake } from "./klaviyo-fake.ts";

const KEY = "pk_test_0123456789abcdef";

describe("Klaviyo: Events API through a local fake", () => {
  let sim: Simulator;
  let app: TestApp;
  let fake: Awaited<ReturnType<typeof startKlaviyoFake>>;
  let shopId: string;
  let domain: string;
  let variantId: bigint;
  beforeAll(async () => {
    fake = await startKlaviyoFake(KEY);
    sim = await createSimulator({ apiKey: TEST_API_KEY, apiSecret: TEST_API_SECRET });
    app = await startTestApp({ env: { SHOPIFY_ADMIN_ORIGIN: sim.origin, KLAVIYO_BASE_URL: fake.url } });
    domain = sim.createShop({ name: "Klaviyo Shop" }).domain;
    shopId = (await app.deps.db.shop.create({ data: { domain, settings: { create: {} } } })).id;
    variantId = 9007199254740001n;
    await app.deps.db.product.create({ data: { shopId, productId: 9007199254740003n, title: "Kettle" } });
    await app.deps.db.variant.create({
      data: { shopId, productId: 9007199254740003n, variantId, title: "Red", sku: "KET-R" },
    });
    await app.startWorker();
  });
  afterAll(async () => {
    await app?.close();
    await sim?.close();
    await fake?.close();
  });
  const api = async (method: string, json?: unknown) => {
    const token = await sim.mintSessionToken({ shop: domain });
    return fetch(`${app.url}/api/integrations/klaviyo`, {
      method,
      headers: { Authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: json === undefined ? undefined : JSON.stringify(json),
    });
  };
  const signup = (email: string) =>
    createSubscription(
      app.deps,
      shopId,
      { email, variantId, locale: "en", marketingConsent: false, customerId: null },
      new Date(),
    );

  it("connects with a private key (stored encrypted) and sends the signup as a Klaviyo event", async () => {
    expect((await api("PUT", { privateKey: "not-a-key" })).status).toBe(422);
    expect((await api("PUT", { privateKey: KEY })).status).toBe(200);
    expect(await (await api("GET")).json()).toMatchObject({ connected: true });
    const row = await app.deps.db.klaviyoSettings.findUniqueOrThrow({ where: { shopId } });
    expect(row.privateKey).not.toContain(KEY);

    await signup("grace@example.com");
    const call = await waitFor(async () => fake.calls[0]);
    expect(call.headers.authorization).toBe(`Klaviyo-API-Key ${KEY}`);
    expect(call.headers.revision).toBe("2026-07-15");
    expect(call.body).toMatchObject({
      data: {
        type: "event",
        attributes: {
          metric: {
            data: { type: "metric", attributes: { name: "Backorder Hub Back In Stock Subscribed" } },
          },
          profile: { data: { type: "profile", attributes: { email: "grace@example.com" } } },
          properties: { variant: { id: String(variantId), sku: "KET-R", productTitle: "Kettle" } },
          unique_id: expect.stringMatching(/^evt_/),
        },
      },
    });
    await waitFor(() =>
      app.deps.db.integrationSend.findFirst({ where: { shopId, target: "klaviyo", sentAt: { not: null } } }),
    );
  });

  it("retries a 429 and a 500, then stops resending once accepted", async () => {
    fake.calls.length = 0;
    fake.failNext(429, 500);
    await signup("retry@example.com");
    const send = await waitFor(() =>
      app.deps.db.integrationSend.findFirst({
        where: { shopId, target: "klaviyo", sentAt: { not: null }, attempts: 3 },
      }),
    );
    expect(send.lastError).toBeNull();
    expect(fake.calls).toHaveLength(3);
    expect(
      new Set(
        fake.calls.map(
          (c) => (c.body as { data: { attributes: { unique_id: string } } }).data.attributes.unique_id,
        ),
      ).size,
    ).toBe(1);
  }, 30_000);

  it("a back-in-stock email recorded SENT goes to Klaviyo as Alert Sent, once per ledger row", async () => {
    fake.calls.length = 0;
    await signup("alerted@example.com");
    await waitFor(async () => fake.calls[0]);
    const sub = await app.deps.db.subscription.findFirstOrThrow({
      where: { shopId, email: "alerted@example.com" },
    });
    const row = await app.deps.db.notification.create({
      data: {
        shopId,
        kind: "restock",
        channel: "email",
        idempotencyKey: `klaviyo-alert-${sub.id}`,
        recipient: "alerted@example.com",
        status: "SENT",
        subscriptionId: sub.id,
        wave: 1,
        sentAt: new Date(),
      },
    });
    await emitAlertsSent(app.deps, shopId, [row.id]);
    await emitAlertsSent(app.deps, shopId, [row.id]); // a batch reported twice
    const alert = await waitFor(async () =>
      fake.calls.find(
        (c) =>
          (c.body as { data: { attributes: { metric: { data: { attributes: { name: string } } } } } }).data
            .attributes.metric.data.attributes.name === "Backorder Hub Alert Sent",
      ),
    );
    expect(alert.body).toMatchObject({
      data: {
        attributes: {
          profile: { data: { attributes: { email: "alerted@example.com" } } },
          properties: { alert: { kind: "back_in_stock", wave: 1 }, variant: { sku: "KET-R" } },
        },
      },
    });
    await waitFor(() =>
      app.deps.db.integrationSend.count({ where: { shopId, target: "klaviyo", sentAt: { not: null } } }),
    );
    expect(await app.deps.db.integrationEvent.count({ where: { shopId, type: "alert.sent" } })).toBe(1);
  });

  it("a refused key fails for good; disconnecting stops the events", async () => {
    await app.deps.db.klaviyoSettings.deleteMany({});
    expect((await api("PUT", { privateKey: "pk_wrong_key_000000" })).status).toBe(200);
    fake.calls.length = 0;
    await signup("refused@example.com");
    const send = await waitFor(() =>
      app.deps.db.integrationSend.findFirst({
        where: { shopId, target: "klaviyo", lastError: { startsWith: "HTTP 401" } },
      }),
    );
    expect(send.sentAt).toBeNull();
    expect(send.attempts).toBe(1);
    expect((await api("DELETE")).status).toBe(200);
    await signup("after@example.com");
    expect(await app.deps.db.integrationEvent.count({ where: { email: "after@example.com" } })).toBe(0);
  });
});
